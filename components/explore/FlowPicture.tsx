import type { Ref } from 'preact';
import { NO_ORGANIZATION, OTHER_ORGANIZATIONS, type Flow } from '@/utils/explore/flows';
import { BAND_TOP, BAND_WIDTH, type FlowLayout, type LaidBand } from '@/utils/explore/flow-layout';
import { UNDATED } from '@/utils/explore/periods';
import { organizationColour, type Palette } from '@/components/explore/palette';
import type { Labels } from '@/components/explore/labels';
import { t } from '@/utils/i18n';

const LABEL_CHARS = 22;
const DASH = '7 5';

const named = (id: string) => id !== NO_ORGANIZATION && id !== OTHER_ORGANIZATIONS;
const shorten = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/** What a flow says to a screen reader and in its tooltip. */
export function flowDescription(flow: Flow, labels: Labels): string {
  const text = t('exploreFlowLabel', [
    labels.organization(flow.from),
    labels.organization(flow.to),
    labels.period(flow.period),
    String(flow.people),
  ]);
  return flow.disputed > 0 ? `${text} ${t('exploreFlowDisputed', String(flow.disputed))}` : text;
}

interface Props {
  layout: FlowLayout;
  labels: Labels;
  palette: Palette;
  activeKey: string | undefined;
  onActivate(flow: Flow): void;
  /** Enter on a flow: go to its details. */
  onOpen(flow: Flow): void;
  svgRef: Ref<SVGSVGElement>;
}

/**
 * The flow picture: one Sankey band per period, organizations where people left on the left
 * of a band and where they went on its right, each flow as wide as the people in it. Disputed
 * flows are dashed. The undated band stands apart, shaded. Colours are concrete values
 * (components/explore/palette.ts), so an export looks as the page does.
 */
export function FlowPicture({ layout, labels, palette, activeKey, onActivate, onOpen, svgRef }: Props) {
  const font = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", sans-serif';
  return (
    <svg
      ref={svgRef}
      xmlns="http://www.w3.org/2000/svg"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="group"
      aria-label={t('exploreFlowsHeading')}
      font-family={font}
      font-size="12"
      data-testid="flow-picture"
    >
      <rect x="0" y="0" width={layout.width} height={layout.height} fill={palette.background} />
      {layout.bands.map((band) => (
        <Band
          key={band.period}
          band={band}
          labels={labels}
          palette={palette}
          activeKey={activeKey}
          onActivate={onActivate}
          onOpen={onOpen}
        />
      ))}
    </svg>
  );
}

function Band({ band, labels, palette, activeKey, onActivate, onOpen }: Omit<Props, 'layout' | 'svgRef'> & { band: LaidBand }) {
  const undated = band.period === UNDATED;
  return (
    <g data-testid="flow-band" data-period={band.period}>
      {undated && <rect x={band.x - 12} y={4} width={BAND_WIDTH + 24} height={BAND_TOP + band.height} rx="6" fill={palette.undatedBand} />}
      <text x={band.x} y={BAND_TOP - 14} fill={palette.text} font-weight="600">
        {labels.period(band.period)}
        <tspan fill={palette.muted} font-weight="400">
          {' · '}
          {t('explorePeople', String(band.people))}
        </tspan>
      </text>
      {band.flows.map(({ flow, path, width }) => {
        const active = flow.key === activeKey;
        return (
          <g
            key={flow.key}
            tabindex={0}
            role="button"
            aria-label={flowDescription(flow, labels)}
            aria-pressed={active}
            data-testid="flow"
            data-period={flow.period}
            data-from={flow.from}
            data-to={flow.to}
            data-people={flow.people}
            data-disputed={flow.disputed > 0 ? 'true' : 'false'}
            style={{ cursor: 'pointer', outline: 'none' }}
            onMouseEnter={() => onActivate(flow)}
            onFocus={() => onActivate(flow)}
            onClick={() => onOpen(flow)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter' && event.key !== ' ') return;
              event.preventDefault();
              onOpen(flow);
            }}
          >
            <path
              d={path}
              fill="none"
              stroke={organizationColour(flow.from, named(flow.from))}
              stroke-width={width}
              stroke-opacity={active ? 0.95 : palette.flowOpacity}
              stroke-dasharray={flow.disputed > 0 ? DASH : undefined}
              data-testid="flow-stroke"
            />
            {/* The whole width answers the pointer, the gaps of a dashed flow too. */}
            <path d={path} fill="none" stroke="#000" stroke-opacity="0" stroke-width={width} pointer-events="stroke" />
          </g>
        );
      })}
      {band.flows
        .filter(({ flow }) => flow.key === activeKey)
        .map(({ path, width }) => (
          // The focus ring of the active flow, drawn over it (a path's own outline is not drawn by every browser).
          <path
            key="focus"
            d={path}
            fill="none"
            stroke={palette.text}
            stroke-width={width + 3}
            stroke-opacity="0.35"
            pointer-events="none"
          />
        ))}
      {band.nodes.map((node) => {
        const label = labels.organization(node.organization);
        const left = node.side === 'from';
        return (
          <g key={node.key} data-testid="flow-node" data-side={node.side} data-organization={node.organization}>
            <rect x={node.x0} y={node.y0} width={node.x1 - node.x0} height={Math.max(1, node.y1 - node.y0)} fill={palette.node} />
            <text
              x={left ? node.x1 + 4 : node.x0 - 4}
              y={(node.y0 + node.y1) / 2}
              dy="0.35em"
              text-anchor={left ? 'start' : 'end'}
              fill={palette.text}
              stroke={palette.background}
              stroke-width="3"
              paint-order="stroke"
              pointer-events="none"
            >
              <title>{label}</title>
              {shorten(label)}
            </text>
          </g>
        );
      })}
    </g>
  );
}
