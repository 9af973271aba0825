import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { appMigrations } from "../../adapters/index.ts";
import { released } from "../helpers/released.ts";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

// A database of a released version has run these files and will never run them again: an edit would reach new
// databases only, and the two would differ from then on. A change to a released schema is a new migration.
describe("released migrations", () => {
  it("are never edited, removed or reordered", async () => {
    const { versions, checksums } = await released();
    const today = await appMigrations();
    const ids = today.map((m) => m.id);
    expect(versions.length).toBeGreaterThan(0);
    for (const version of versions) {
      const present = version.migrations.filter((id) => ids.includes(id));
      expect(present, `${version.version}: every migration still there`).toEqual(version.migrations);
      expect(
        [...version.migrations].sort((a, b) => ids.indexOf(a) - ids.indexOf(b)),
        `${version.version}: applied in the order that version applied them`,
      ).toEqual(version.migrations);
      for (const id of version.migrations) {
        const sql = today.find((m) => m.id === id)?.sql ?? "";
        expect(sha256(sql), `${id} is released and must not change; add a new migration instead`).toBe(
          checksums[id],
        );
      }
    }
  });

  it("each version holds the one before it", async () => {
    const { versions } = await released();
    for (let i = 1; i < versions.length; i++) {
      const [before, after] = [versions[i - 1]?.migrations ?? [], versions[i]?.migrations ?? []];
      expect(before.filter((id) => !after.includes(id))).toEqual([]);
    }
  });
});
