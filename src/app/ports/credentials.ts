import type { PlatformId } from "../../domain/types.ts";

/** A platform's secrets as stored: already sealed, so the store never holds one in the clear. */
export interface CredentialsRepo {
  put(platform: PlatformId, name: string, sealed: string): Promise<void>;
  /** The sealed secret, or null when there is none by that name. */
  get(platform: PlatformId, name: string): Promise<string | null>;
  remove(platform: PlatformId, name: string): Promise<void>;
  /** The names stored for the platform that begin with `prefix`. */
  names(platform: PlatformId, prefix: string): Promise<string[]>;
}
