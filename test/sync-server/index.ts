/**
 * Starts the fake networks (fake-networks.js) in a worker thread and gives
 * the test its address and a way to steer it between emulator calls.
 */
import {join} from 'node:path';
import {Worker} from 'node:worker_threads';

export interface FakeNetworks {
  base: string;
  command<T = unknown>(cmd: string, args?: object): Promise<T>;
  stop(): Promise<number>;
}

/** `script` is the fake server's file (the benchmark runs from build/). */
export async function startFakeNetworks(
  script = join(__dirname, 'fake-networks.js'),
): Promise<FakeNetworks> {
  const worker = new Worker(script);
  const port = await new Promise<number>(resolve =>
    worker.once('message', (m: {port: number}) => resolve(m.port)),
  );
  let serial = 0;
  return {
    base: `http://127.0.0.1:${port}`,
    command<T>(cmd: string, args?: object) {
      const id = ++serial;
      return new Promise<T>(resolve => {
        const listen = (m: {id: number; result: T}) => {
          if (m.id !== id) return;
          worker.off('message', listen);
          resolve(m.result);
        };
        worker.on('message', listen);
        worker.postMessage({id, cmd, args});
      });
    },
    stop: () => worker.terminate(),
  };
}
