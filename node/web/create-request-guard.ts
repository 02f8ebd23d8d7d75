/**
 * Decides which Host and Origin headers the web host answers (DNS rebinding defence): a page on
 * `evil.example` whose name was re-pointed at 127.0.0.1 sends `Host: evil.example:PORT` and
 * `Origin: http://evil.example:PORT`, and is refused. Headers are compared whole, after
 * lower-casing, never by substring.
 */
export interface RequestGuard {
  /** The `host:port` values accepted in the Host header. */
  readonly hosts: readonly string[];
  /** The origins accepted in the Origin header (`http://host:port`). */
  readonly origins: readonly string[];
  hostAllowed(host: string | undefined): boolean;
  /** `required`: a missing Origin is refused (WebSocket upgrades; browsers always send one there). */
  originAllowed(origin: string | undefined, required: boolean): boolean;
}

export interface RequestGuardOptions {
  readonly port: number;
  /** Extra host names (no port) to accept, e.g. the explicit `--host` of a remote bind. */
  readonly extraHostNames?: readonly string[];
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function createRequestGuard({ port, extraHostNames = [] }: RequestGuardOptions): RequestGuard {
  const names = [...LOOPBACK_NAMES, ...extraHostNames.map(bracketIpv6)].map((name) => name.toLowerCase());
  const hosts = [...new Set(names.map((name) => `${name}:${port}`))];
  const origins = hosts.map((host) => `http://${host}`);
  return {
    hosts,
    origins,
    hostAllowed: (host) => host !== undefined && hosts.includes(host.toLowerCase()),
    originAllowed: (origin, required) => (origin === undefined ? !required : origins.includes(origin.toLowerCase())),
  };
}

function bracketIpv6(name: string): string {
  return name.includes(':') && !name.startsWith('[') ? `[${name}]` : name;
}
