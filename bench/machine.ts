/** The machine a benchmark ran on, as docs/benchmarks.md reports it. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromiumPath } from '../test/e2e/harness';

export interface MachineInfo {
  date: string;
  nproc: number;
  memory: string;
  cpu: string;
  chromium: string;
  node: string;
  os: string;
}

function run(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch (error) {
    return `unknown (${String(error).split('\n')[0]})`;
  }
}

export function machineInfo(): MachineInfo {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    date: new Date().toISOString(),
    nproc: Number(run('nproc', [])) || os.cpus().length,
    memory:
      run('free', ['-h'])
        .split('\n')
        .find((l) => l.startsWith('Mem:'))
        ?.replace(/\s+/g, ' ') ?? 'unknown',
    cpu: /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    chromium: run(chromiumPath(), ['--version']),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
  };
}

/** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them. */
export function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}
