/** Summaries of a CDP CPU profile (Profiler domain): self time per function of the extension's scripts. */
export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface FunctionCost {
  function: string;
  /** Script file (relative to the extension) and 1-based line:column in it. */
  where: string;
  selfMs: number;
}

export interface ProfileSummary {
  /**
   * Time in samples whose stack has a frame of the matched scripts anywhere:
   * their own code plus the browser APIs and builtins they call.
   */
  totalMs: number;
  /** Self time in the matched scripts' own functions only. */
  selfMs: number;
  /** Garbage collection anywhere in the page (not attributable to a script). */
  gcMs: number;
  functions: FunctionCost[];
}

/** The profile's nodes by id, and each node's parent. */
function tree(profile: CpuProfile): { byId: Map<number, CpuProfileNode>; parent: Map<number, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

/** Whether a sample's stack (node id) holds a frame that `frame` accepts. */
export function stackHolds(profile: CpuProfile, frame: (callFrame: CpuProfileNode['callFrame']) => boolean): (id: number) => boolean {
  const { byId, parent } = tree(profile);
  const known = new Map<number, boolean>();
  const holds = (id: number): boolean => {
    const cached = known.get(id);
    if (cached !== undefined) return cached;
    const node = byId.get(id);
    const up = parent.get(id);
    const result = !!node && (frame(node.callFrame) || (up !== undefined && holds(up)));
    known.set(id, result);
    return result;
  };
  return holds;
}

/**
 * Where the time of scripts whose URL contains `urlPart` goes, most expensive function first;
 * with `keep`, only the samples whose node it accepts count.
 */
export function selfTimes(profile: CpuProfile, urlPart: string, keep: (id: number) => boolean = () => true): ProfileSummary {
  const { byId } = tree(profile);
  const isInside = stackHolds(profile, (frame) => frame.url.includes(urlPart));
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // timeDeltas[i] is the time before sample i; sample i lasts until sample i + 1.
  for (let i = 0; i < samples.length; i++) {
    if (!keep(samples[i]!)) continue;
    const dt = deltas[i + 1] ?? 0;
    self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
  }
  const costs = new Map<string, FunctionCost>();
  let totalUs = 0;
  let selfUs = 0;
  let gcUs = 0;
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node?.callFrame.functionName === '(garbage collector)') gcUs += us;
    if (isInside(id)) totalUs += us;
    if (!node || !node.callFrame.url.includes(urlPart)) continue;
    selfUs += us;
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    const file = url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    const key = `${functionName}@${file}:${lineNumber}:${columnNumber}`;
    const cost = costs.get(key) ?? {
      function: functionName || '(anonymous)',
      where: `${file}:${lineNumber + 1}:${columnNumber + 1}`,
      selfMs: 0,
    };
    cost.selfMs += us / 1000;
    costs.set(key, cost);
  }
  return {
    totalMs: totalUs / 1000,
    selfMs: selfUs / 1000,
    gcMs: gcUs / 1000,
    functions: [...costs.values()].sort((a, b) => b.selfMs - a.selfMs),
  };
}
