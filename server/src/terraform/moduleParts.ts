import type { ConfigBlock, ConfigFile } from '../parse/config';
import type { TerraformModule } from './module';
import type { Scope } from './scope';

/**
 * What a module instance (module.ts) is made of and hands out: its resource and module call
 * entries, the instances of its resources, the caller of a child instance, and the bounds a
 * root module shares with every instance below it.
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

/** One instance of a resource: `count`/`for_each` expanded when known. */
export interface ResourceInstance {
  entry: ResourceEntry;
  module: TerraformModule;
  /** `count.index` or `each.key`; undefined for a resource without count/for_each, or when they are unknown. */
  key: number | string | undefined;
  /** True when `count`/`for_each` is unknown: this instance stands for all of them (count.index etc. unknown). */
  abstract: boolean;
  /** Full address: `module.web.huaweicloud_elb_listener.api[1]`. */
  address: string;
  /** Where the instance's arguments are evaluated (with `count`/`each` bound). */
  scope: Scope;
}

/** How a child module instance was called. */
export interface ModuleParent {
  module: TerraformModule;
  call: ModuleCallEntry;
  /** The caller's scope for this instance of the call (`count`/`each` of the module block bound). */
  scope: Scope;
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
