/** The benchmark's local server: the build step and `vite preview` on a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs a command to its end; its output goes to stderr unless `quiet`, and into the error if it fails. */
export function run(command: string, args: string[], quiet: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stderr.write(chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${command} ${args.join(' ')} failed (${code})\n${output}`)),
    );
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `vite preview` of the build in `dist` on a free port, in its own process group so it can be stopped whole. */
export async function startPreview(
  say: (text: string) => void,
  dist: string,
): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      dist,
      '--port',
      String(port),
      '--strictPort',
      '--host',
      '127.0.0.1',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}/`;
  child.on('exit', (code, signal) => {
    if (!stopped.has(child))
      say(`vite preview stopped early (${signal ?? code}):\n${output.slice(-2000)}`);
  });
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`vite preview stopped:\n${output}`);
    try {
      const response = await fetch(url);
      if (response.ok) return { url, child };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  stopPreview(child);
  throw new Error(`vite preview did not answer at ${url}:\n${output}`);
}

const stopped = new WeakSet<ChildProcess>();
/** Stops a server `startPreview` started, with its whole process group. */
export function stopPreview(child: ChildProcess): void {
  stopped.add(child);
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}
