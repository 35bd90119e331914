/**
 * Where the flow picture's shapes go: each period's band laid out by d3-sankey, its
 * organizations left (where people left) and right (where they went), the bands side by side
 * in time order. Pure geometry; the page draws it (components/explore/FlowPicture.tsx).
 */
import { sankey, sankeyLinkHorizontal, type SankeyLink, type SankeyNode } from 'd3-sankey';
import { OTHER_ORGANIZATIONS, type Flow, type PeriodBand } from '@/utils/explore/flows';

export const BAND_WIDTH = 280;
export const BAND_GAP = 40;
export const BAND_TOP = 32;
const NODE_WIDTH = 10;
const NODE_PADDING = 10;
const MIN_BAND_HEIGHT = 120;
const MAX_BAND_HEIGHT = 560;
/** Room per organization and per person, so a bigger period gets a taller band, up to a limit. */
const PER_NODE = 30;
const PER_PERSON = 4;

interface NodeData {
  key: string;
  side: 'from' | 'to';
  organization: string;
}
interface LinkData {
  flow: Flow;
}

export interface LaidNode {
  key: string;
  side: 'from' | 'to';
  organization: string;
  people: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LaidFlow {
  flow: Flow;
  /** The SVG path of the flow's centre line, drawn with `width` as its stroke width. */
  path: string;
  width: number;
}

export interface LaidBand {
  period: string;
  people: number;
  x: number;
  height: number;
  nodes: LaidNode[];
  flows: LaidFlow[];
}

export interface FlowLayout {
  width: number;
  height: number;
  bands: LaidBand[];
}

const linkPath = sankeyLinkHorizontal<NodeData, LinkData>();

function layoutBand(band: PeriodBand, x: number): LaidBand {
  const nodes = new Map<string, NodeData>();
  for (const flow of band.flows) {
    nodes.set(`from:${flow.from}`, { key: `from:${flow.from}`, side: 'from', organization: flow.from });
    nodes.set(`to:${flow.to}`, { key: `to:${flow.to}`, side: 'to', organization: flow.to });
  }
  const perSide = Math.max(...['from', 'to'].map((side) => [...nodes.values()].filter((n) => n.side === side).length));
  const height = Math.min(MAX_BAND_HEIGHT, Math.max(MIN_BAND_HEIGHT, perSide * PER_NODE + band.people * PER_PERSON));
  // "Other" at the bottom of its side; the rest by size, as the flows came.
  const order = (node: NodeData) => (node.organization === OTHER_ORGANIZATIONS ? 1 : 0);
  const graph = sankey<NodeData, LinkData>()
    .nodeId((node) => node.key)
    .nodeWidth(NODE_WIDTH)
    .nodePadding(NODE_PADDING)
    .nodeAlign((node) => (node.side === 'from' ? 0 : 1))
    .nodeSort((a, b) => order(a) - order(b) || (b.value ?? 0) - (a.value ?? 0))
    .extent([
      [x, BAND_TOP],
      [x + BAND_WIDTH, BAND_TOP + height],
    ])({
    nodes: [...nodes.values()].map((node) => ({ ...node })),
    links: band.flows.map((flow) => ({ source: `from:${flow.from}`, target: `to:${flow.to}`, value: flow.people, flow })),
  });
  return {
    period: band.period,
    people: band.people,
    x,
    height,
    nodes: graph.nodes.map((node: SankeyNode<NodeData, LinkData>) => ({
      key: node.key,
      side: node.side,
      organization: node.organization,
      people: node.value ?? 0,
      x0: node.x0 ?? 0,
      x1: node.x1 ?? 0,
      y0: node.y0 ?? 0,
      y1: node.y1 ?? 0,
    })),
    flows: graph.links.map((link: SankeyLink<NodeData, LinkData>) => ({
      flow: link.flow,
      path: linkPath(link) ?? '',
      width: Math.max(1, link.width ?? 1),
    })),
  };
}

/** The bands side by side, left to right in the given (time) order. */
export function layoutFlows(bands: readonly PeriodBand[]): FlowLayout {
  const laid = bands.map((band, index) => layoutBand(band, index * (BAND_WIDTH + BAND_GAP)));
  return {
    width: Math.max(0, bands.length * (BAND_WIDTH + BAND_GAP) - BAND_GAP),
    height: BAND_TOP + Math.max(0, ...laid.map((band) => band.height)) + 8,
    bands: laid,
  };
}
