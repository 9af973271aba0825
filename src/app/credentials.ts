import type { PlatformId } from "../domain/types.ts";
import type { Deps } from "./context.ts";
import { seal, unseal } from "./sealed.ts";

/**
 * The secrets a platform keeps per installation (a Slack workspace's bot token): sealed with TOKEN_ENCRYPTION_KEY
 * before they are stored, so a copy of the database alone reveals none.
 */
export function credentials(deps: Deps) {
  const key = () => {
    if (!deps.sealingKey) throw new Error("TOKEN_ENCRYPTION_KEY is not set, so no secret can be kept");
    return deps.sealingKey;
  };
  const repo = () => deps.store.repos.credentials;
  return {
    async save(platform: PlatformId, name: string, secret: string): Promise<void> {
      await repo().put(platform, name, seal(secret, key()));
    },
    async load(platform: PlatformId, name: string): Promise<string | null> {
      const sealed = await repo().get(platform, name);
      return sealed === null ? null : unseal(sealed, key());
    },
    remove: (platform: PlatformId, name: string) => repo().remove(platform, name),
    /** The names kept for the platform that begin with `prefix` (the names are not secret; what they hold is). */
    names: (platform: PlatformId, prefix: string) => repo().names(platform, prefix),
  };
}

export type Credentials = ReturnType<typeof credentials>;
