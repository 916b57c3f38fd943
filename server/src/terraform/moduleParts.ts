import type { ConfigBlock, ConfigFile } from '../parse/config';

/**
 * What a module instance (module.ts) is made of: its resource and module call entries, and
 * the bounds a root module shares with every instance below it. The instances it hands out
 * (ResourceInstance, ModuleParent) are declared with Scope in scope.ts.
 */

export interface ResourceEntry {
  type: string;
  name: string;
  /** `type.name`, without module path or instance key. */
  address: string;
  block: ConfigBlock;
  file: ConfigFile;
}

/** A `module "name" { source = … }` block. */
export interface ModuleCallEntry {
  name: string;
  block: ConfigBlock;
  file: ConfigFile;
}

/** What one root module and every instance below it share: the bounds on their work. */
export interface ModuleTree {
  /** Module instances made, against MAX_MODULE_INSTANCES. */
  made: number;
  /** The first call not followed because the limit was reached (its address), for one log line. */
  stoppedAt?: string;
  /** Locals, variables, outputs and arguments being worked out, one inside the other (MAX_REFERENCE_CHAIN). */
  evaluating: number;
}
