import { describe, expect, it } from 'vitest';
import { BAND_GAP, BAND_TOP, BAND_WIDTH, layoutFlows } from '../../utils/explore/flow-layout';
import { OTHER_ORGANIZATIONS, flowBands } from '../../utils/explore/flows';
import type { ExploreMove } from '../../utils/explore/moves';

const move = (personId: string, from: string | null, to: string | null, when?: string): ExploreMove => ({
  id: `${personId}-${from}-${to}-${when}`,
  personId,
  personName: { en: personId },
  origin: 'bundled',
  from,
  to,
  ...(when ? { when } : {}),
  sources: [{ source: 's000' }],
});

describe('flow layout', () => {
  const moves = [
    move('a', 'x', 'y', '2020'),
    move('b', 'x', 'y', '2020'),
    move('c', 'y', 'x', '2020'),
    move('d', 'x', null, '2021'),
    move('e', null, 'z'),
  ];
  const layout = layoutFlows(flowBands(moves, 'year'));

  it('puts the bands side by side in time order, the undated one last', () => {
    expect(layout.bands.map((band) => [band.period, band.x])).toEqual([
      ['2020', 0],
      ['2021', BAND_WIDTH + BAND_GAP],
      ['undated', 2 * (BAND_WIDTH + BAND_GAP)],
    ]);
    expect(layout.width).toBe(3 * BAND_WIDTH + 2 * BAND_GAP);
  });

  it('draws where people left on the left of a band and where they went on its right, a return without a cycle', () => {
    const band = layout.bands[0]!;
    for (const node of band.nodes) {
      if (node.side === 'from') expect(node.x0).toBe(band.x);
      else expect(node.x1).toBe(band.x + BAND_WIDTH);
      expect(node.y0).toBeGreaterThanOrEqual(BAND_TOP);
      expect(node.y1).toBeLessThanOrEqual(BAND_TOP + band.height);
    }
    expect(band.nodes.map((node) => node.key).sort()).toEqual(['from:x', 'from:y', 'to:x', 'to:y']);
  });

  it('sizes each flow by its people, with a real path', () => {
    const [xy, yx] = layout.bands[0]!.flows;
    expect(xy!.flow.people).toBe(2);
    expect(xy!.width).toBeCloseTo(2 * yx!.width, 6);
    for (const band of layout.bands) for (const flow of band.flows) expect(flow.path).toMatch(/^M[\d.]+,[\d.]+C[\d.,]+$/);
  });

  it('keeps "other" at the bottom of its side', () => {
    const many: ExploreMove[] = [];
    for (let org = 0; org < 12; org++) for (let p = 0; p <= org; p++) many.push(move(`p${org}-${p}`, `o${org}`, 'dest', '2020'));
    const [band] = layoutFlows(flowBands(many, 'year')).bands;
    const left = band!.nodes.filter((node) => node.side === 'from').sort((a, b) => a.y0 - b.y0);
    expect(left.at(-1)!.organization).toBe(OTHER_ORGANIZATIONS);
    expect(left).toHaveLength(9);
  });
});
