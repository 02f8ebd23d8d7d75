import { describe, expect, it } from 'vitest';
import { DEFAULT_WEB_PORT, parseWebArgs } from '../../../node/web/parse-web-args';

describe('parseWebArgs', () => {
  it('defaults to loopback, the default port, no demo', () => {
    expect(parseWebArgs([])).toEqual({
      ok: true,
      args: { port: DEFAULT_WEB_PORT, host: '127.0.0.1', hostExplicit: false, allowHosts: [], dataDir: null, rendererDir: null, demo: false, help: false },
    });
  });

  it('reads every option, in both --name value and --name=value forms', () => {
    const parsed = parseWebArgs(['--port', '0', '--host=0.0.0.0', '--allow-host', 'MyBox.lan', '--data-dir=/tmp/d', '--renderer-dir', 'out/r', '--demo']);
    expect(parsed).toEqual({
      ok: true,
      args: { port: 0, host: '0.0.0.0', hostExplicit: true, allowHosts: ['mybox.lan'], dataDir: '/tmp/d', rendererDir: 'out/r', demo: true, help: false },
    });
  });

  it('marks an explicit loopback --host as explicit too', () => {
    expect(parseWebArgs(['--host', '127.0.0.1'])).toMatchObject({ ok: true, args: { hostExplicit: true } });
  });

  it.each([
    [['--port'], /--port/],
    [['--port', '65536'], /--port/],
    [['--port', 'abc'], /--port/],
    [['--host'], /--host/],
    [['--host', 'evil host'], /--host/],
    [['--data-dir', '--demo'], /--data-dir/],
    [['--demo=yes'], /--demo/],
    [['--frobnicate'], /unknown option/],
    [['stray'], /unknown option/],
  ])('refuses %j', (argv, message) => {
    const parsed = parseWebArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});
