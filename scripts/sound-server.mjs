// A PulseAudio server of the browser test run's own, whose only output is a null sink: Firefox and
// WebKitGTK play the MP3 recordings into it (decoding, the audio clock, `ended`) on a machine
// with no sound card and no sound server, as CI is, and never on a developer's speakers.
// Without an audio output Firefox cannot play a media element at all (its error reads
// "OnMediaSinkAudioError"). The socket, the cookie and the server's state live in a temporary
// folder that stop() removes; the clients are told not to start a server of their own.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Resolves true once something accepts connections on the Unix socket `path`. */
function accepts(path) {
  return new Promise((resolve) => {
    const socket = connect(path, () => resolve(socket.end() && true));
    socket.on('error', () => resolve(false));
  });
}

/**
 * Starts `pulseaudio` (the binary's path) with a null sink, and resolves `{ env, stop }`: `env`
 * points a browser's PulseAudio client at it; `stop()` ends it and removes its folder.
 */
export async function startSoundServer(pulseaudio) {
  const dir = mkdtempSync(join(tmpdir(), 'pw-sound-'));
  const socket = join(dir, 'native');
  const clientConfig = join(dir, 'client.conf');
  writeFileSync(clientConfig, 'autospawn = no\n');
  const server = spawn(
    pulseaudio,
    [
      '--daemonize=no',
      // No default.pa: the two modules below are all there is (no hardware is looked for).
      '-n',
      '--use-pid-file=no',
      '--exit-idle-time=-1',
      '--no-cpu-limit',
      '--realtime=no',
      '--high-priority=no',
      '--log-target=stderr',
      `--load=module-native-protocol-unix socket=${socket} auth-anonymous=1`,
      '--load=module-null-sink sink_name=silent',
    ],
    {
      // Its cookie and state in the folder, not in the home of whoever runs the tests. No session
      // bus: on a desktop the sound server there holds PulseAudio's D-Bus name, and a second
      // server that finds the name taken exits.
      env: {
        ...process.env,
        DBUS_SESSION_BUS_ADDRESS: 'disabled:',
        HOME: dir,
        XDG_CONFIG_HOME: dir,
        PULSE_RUNTIME_PATH: dir,
        PULSE_STATE_PATH: dir,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let log = '';
  server.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
  const exited = new Promise((resolve) => server.once('exit', resolve));
  let running = true;
  void exited.then(() => (running = false));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  // A run that ends without stop() (an error in the runner) still takes the server with it.
  const onExit = () => {
    server.kill();
    remove();
  };
  process.once('exit', onExit);

  const stop = async () => {
    process.off('exit', onExit);
    if (running) {
      server.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (running) server.kill('SIGKILL');
    }
    remove();
  };

  for (let attempt = 0; attempt < 100 && running; attempt++) {
    if (await accepts(socket)) {
      return {
        env: {
          PULSE_SERVER: `unix:${socket}`,
          PULSE_CLIENTCONFIG: clientConfig,
          PULSE_COOKIE: join(dir, 'cookie'),
        },
        stop,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`PulseAudio (${pulseaudio}) did not start:\n${log}`);
}
