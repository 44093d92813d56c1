// Request/reply decorations shared by all route modules.
import type { Deps } from '../commands/context.js';
import type { Config } from '../config.js';
import type { Actor } from '../domain/agencies/actor.js';
import type { Lang } from '../views/i18n.js';

export interface AppDeps extends Deps {
  config: Config;
  /** Cookie-signing secret. */
  sessionSecret: string;
  /** True when the demo city is loaded: every page then says the data is synthetic. */
  isDemo: () => boolean;
  /** Re-reads the demo flag after the demo city was loaded. */
  refreshDemoFlag: () => Promise<void>;
  /** The audit chain's head as last recorded beside the database (DATA_DIR/audit-head), if any. */
  recordedAuditHead?: () => string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The logged-in staff member (session cookie) or token user (API), if any. */
    actor: Actor | null;
    /** How the actor authenticated. */
    authVia: 'session' | 'token' | null;
    mustChangePassword: boolean;
    lang: Lang;
    /** Name of the government whose disclosure site this is (the root agency), when there is one. */
    siteOwner: string | null;
  }
  interface FastifyReply {
    /** Renders a JSX page as a complete HTML document. */
    html(node: Renderable, status?: number): Promise<FastifyReply>;
  }
}

/** A JSX element (hono/jsx), or an already rendered string. */
export type Renderable = { toString(): string | Promise<string> } | string | Promise<string> | null;
