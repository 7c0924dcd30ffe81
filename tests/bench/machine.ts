// Describes the machine a bench ran on, for the results: CPU, cores, memory, Node, the disk.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  node: string;
  disk: string;
}

/** The mount holding `path` (longest mount point that prefixes it), from /proc/mounts. */
function diskOf(path: string): string {
  try {
    const mounts = readFileSync('/proc/mounts', 'utf8')
      .split('\n')
      .map((line) => line.split(' '))
      .filter((f) => f.length > 2 && (path === f[1] || path.startsWith(f[1] === '/' ? '/' : `${f[1]}/`)));
    const [device, mountPoint, fsType] = mounts.sort((a, b) => b[1]!.length - a[1]!.length)[0] ?? [];
    if (!device) return 'unknown';
    const name = device.replace('/dev/', '').replace(/\d+$/, '');
    let kind = '';
    try {
      kind = readFileSync(`/sys/block/${name}/queue/rotational`, 'utf8').trim() === '1' ? ', the kernel reports it rotational' : ', the kernel reports it non-rotational';
    } catch {
      // not a block device we can inspect (overlay, tmpfs)
    }
    return `${device} (${fsType} on ${mountPoint}${kind})`;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(databaseDir: string): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux: os.cpus() it is
  }
  return {
    cpu,
    cores: cpus().length,
    memory: `${(totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    node: process.version,
    disk: diskOf(databaseDir),
  };
}
