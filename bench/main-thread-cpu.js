// Shared by the benches: the main thread's own CPU time, which a loaded machine skews far less than wall time.
import { readFileSync } from 'node:fs';

/** CPU time of the main thread alone, in ms (worker threads excluded); NaN where /proc is missing. */
export function mainThreadCpuMs() {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}
