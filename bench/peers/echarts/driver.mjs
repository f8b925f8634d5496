// cpn-bench's ECharts peer: starts headless Chromium on peer.html and drives it over the
// DevTools protocol (on a pipe: no port to collide with other runs, no WebSocket library).
//
// Commands, one per line on stdin; one JSON answer per line on stdout:
//   load FILE     the network (cpn-bench's JSON); answers {ok, ms} for the first render
//   redraw FILE   new colours (JSON); answers {ok, ms}: setOption up to the pixels, in the page
//   shot FILE     saves a PNG screenshot of the page
//   quit
// At start it answers {ok, chromium, gpu} once Chromium is up, or {ok: false, error}.
// Usage: node driver.mjs [--width 1920] [--height 1080] [--chromium PATH]

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function argument(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const width = Number(argument('--width', 1920));
const height = Number(argument('--height', 1080));
const chromiumPath = argument('--chromium', 'chromium');

function answer(value) {
  process.stdout.write(JSON.stringify(value) + '\n');
}

// The DevTools protocol over --remote-debugging-pipe: JSON messages ended by a NUL byte,
// read from fd 4, written to fd 3 (as seen from Chromium).
class DevTools {
  constructor(input, output) {
    this.output = output;
    this.nextId = 1;
    this.waiting = new Map();
    let buffered = '';
    // A pipe breaks when Chromium is gone: the exit handler says why.
    output.on('error', (error) => this.failAll(error));
    input.on('error', (error) => this.failAll(error));
    input.setEncoding('utf8');
    input.on('data', (chunk) => {
      buffered += chunk;
      let end;
      while ((end = buffered.indexOf('\0')) >= 0) {
        const message = JSON.parse(buffered.slice(0, end));
        buffered = buffered.slice(end + 1);
        const pending = this.waiting.get(message.id);
        if (!pending)
          continue;
        this.waiting.delete(message.id);
        if (message.error)
          pending.reject(new Error(`${pending.method}: ${message.error.message}`));
        else
          pending.resolve(message.result);
      }
    });
  }

  send(method, params = {}, sessionId = undefined) {
    if (this.output.destroyed)
      return Promise.reject(new Error('Chromium is not running'));
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId)
      message.sessionId = sessionId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, method });
      this.output.write(JSON.stringify(message) + '\0');
    });
  }

  failAll(error) {
    for (const pending of this.waiting.values())
      pending.reject(error);
    this.waiting.clear();
  }
}

let browser = null;
let devtools = null;
let session = null;
let profile = null;
let exitReason = null; // why Chromium went away, the first thing to report

async function evaluate(expression) {
  const result = await devtools.send('Runtime.evaluate',
    { expression, awaitPromise: true, returnByValue: true }, session);
  if (result.exceptionDetails) {
    const details = result.exceptionDetails;
    throw new Error(details.exception?.description ?? details.text);
  }
  return result.result.value;
}

async function start() {
  if (!existsSync(join(here, 'node_modules/echarts/dist/echarts.min.js')))
    throw new Error('ECharts is not installed: run bench/peers/setup.sh');
  profile = mkdtempSync(join(tmpdir(), 'cpn-bench-chromium-'));
  const page = pathToFileURL(join(here, 'peer.html')).href;
  browser = spawn(chromiumPath, [
    '--headless=new', '--no-sandbox', '--remote-debugging-pipe', `--user-data-dir=${profile}`,
    `--window-size=${width},${height}`, '--force-device-scale-factor=1', '--hide-scrollbars',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--mute-audio', page,
  ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
  let log = '';
  browser.stderr.setEncoding('utf8');
  browser.stderr.on('data', (text) => { log = (log + text).slice(-2000); });
  const exited = new Promise((_, reject) => {
    browser.on('error', (error) => reject(new Error(`cannot start ${chromiumPath}: ${error.message}`)));
    browser.on('exit', (code) => {
      const error = new Error(`Chromium exited (${code}): ${log.trim().split('\n').pop() ?? ''}`);
      exitReason = error.message;
      devtools?.failAll(error);
      reject(error);
    });
  });
  exited.catch(() => {});
  devtools = new DevTools(browser.stdio[4], browser.stdio[3]);

  const ready = (async () => {
    const { product } = await devtools.send('Browser.getVersion');
    let target = null;
    for (let tries = 0; !target && tries < 100; ++tries) {
      const { targetInfos } = await devtools.send('Target.getTargets');
      target = targetInfos.find((t) => t.type === 'page' && t.url.startsWith('file:'));
      if (!target)
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!target)
      throw new Error('Chromium opened no page');
    ({ sessionId: session } = await devtools.send('Target.attachToTarget',
      { targetId: target.targetId, flatten: true }));
    await devtools.send('Runtime.enable', {}, session);
    await devtools.send('Emulation.setDeviceMetricsOverride',
      { width, height, deviceScaleFactor: 1, mobile: false }, session);
    for (let tries = 0; tries < 200; ++tries) {
      if (await evaluate("document.readyState === 'complete' && typeof echarts === 'object'"))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const info = await devtools.send('SystemInfo.getInfo');
    const status = info.gpu?.featureStatus ?? {};
    const devices = (info.gpu?.devices ?? []).map((d) => d.deviceString || `${d.vendorId}:${d.deviceId}`);
    return {
      ok: true,
      chromium: product,
      echarts: await evaluate('echarts.version'),
      gpu: {
        canvas2d: status['2d_canvas'] ?? 'unknown',
        compositing: status.gpu_compositing ?? 'unknown',
        rasterization: status.rasterization ?? 'unknown',
        devices,
      },
    };
  })();
  return Promise.race([ready, exited]);
}

async function run(line) {
  const space = line.indexOf(' ');
  const command = space < 0 ? line : line.slice(0, space);
  const file = space < 0 ? '' : line.slice(space + 1);
  switch (command) {
  case 'load': {
    const ms = await evaluate(`peer.load(${readFileSync(file, 'utf8')})`);
    return { ok: true, ms, layers: await evaluate('peer.layers()') };
  }
  case 'redraw':
    await evaluate(`peer.recolour(${readFileSync(file, 'utf8')})`);
    return { ok: true, ms: await evaluate('peer.redraw()') };
  case 'shot': {
    const { data } = await devtools.send('Page.captureScreenshot',
      { format: 'png', clip: { x: 0, y: 0, width, height, scale: 1 } }, session);
    writeFileSync(file, Buffer.from(data, 'base64'));
    return { ok: true };
  }
  default:
    return { ok: false, error: `unknown command: ${command}` };
  }
}

// Chromium writes to its profile until it has exited: wait for that before removing it.
async function stop() {
  if (browser && browser.exitCode === null && browser.signalCode === null) {
    const exited = new Promise((resolve) => browser.once('exit', resolve));
    browser.kill();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  if (profile)
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  profile = null;
}

async function main() {
  try {
    answer(await start());
  } catch (error) {
    // A broken pipe comes before the exit that explains it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    answer({ ok: false, error: exitReason ?? error.message });
    await stop();
    process.exit(1);
  }
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line === 'quit')
      break;
    try {
      answer(await run(line));
    } catch (error) {
      answer({ ok: false, error: error.message });
    }
  }
  await stop();
}

process.on('SIGTERM', () => stop().then(() => process.exit(0)));
main();
