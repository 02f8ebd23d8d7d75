// The parts of @homebridge/dbus-native this project uses that its own index.d.ts leaves out
// (it declares systemBus only). Signatures read from its lib/bus.js and index.js (0.7.x).
import '@homebridge/dbus-native';

declare module '@homebridge/dbus-native' {
  /** A D-Bus message as the library marshalls it (body values follow `signature`; a variant is `[signature, value]`). */
  interface DbusMessage {
    destination?: string;
    path?: string;
    interface?: string;
    member: string;
    signature?: string;
    body?: unknown[];
    /** Set by `invoke`. */
    serial?: number;
  }

  /** An error reply: `name` is the D-Bus error name (e.g. org.freedesktop.DBus.Error.ServiceUnknown). */
  interface DbusErrorReply {
    name?: string;
    message?: string;
  }

  /** Describes an exported interface: method name -> [argument signature, result signature]. */
  interface DbusInterfaceDescription {
    name: string;
    methods: Record<string, [string, string]>;
    signals: Record<string, [string]>;
  }

  interface BusConnection {
    end(): BusConnection;
  }

  interface MessageBus {
    /** Reply handlers by serial; the library never times out a call, so callers delete theirs. */
    cookies: Record<number, unknown>;
    /** The unique name the bus gave this connection (after Hello). */
    name?: string | null;
    invoke(message: DbusMessage, callback: (error: DbusErrorReply | Error | null | undefined, ...values: unknown[]) => void): void;
    requestName(name: string, flags: number, callback: (error: DbusErrorReply | null | undefined, result?: number) => void): void;
    releaseName(name: string, callback: (error: DbusErrorReply | null | undefined, result?: number) => void): void;
    exportInterface(object: object, path: string, description: DbusInterfaceDescription): void;
  }

  /** A client on the session bus at `busAddress` (default DBUS_SESSION_BUS_ADDRESS); throws when there is none. */
  function sessionBus(options?: { busAddress?: string }): MessageBus;
}
