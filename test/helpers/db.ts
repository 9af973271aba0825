import { randomUUID } from "node:crypto";
import type { Db } from "../../src/store/db.ts";
import { openPg } from "../../src/store/drivers/pg.ts";
import { openPglite } from "../../src/store/drivers/pglite.ts";
import { migrate } from "../../src/store/migrate.ts";

/** The drivers the store suite runs on: always PGlite, and real PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: { name: "pglite" | "pg"; open: () => Promise<Db> }[] = [
  {
    name: "pglite",
    open: async () => {
      const db = await openPglite();
      await migrate(db);
      return db;
    },
  },
  ...(process.env.TEST_DATABASE_URL
    ? [
        {
          name: "pg" as const,
          open: async () => {
            const db = openPg(process.env.TEST_DATABASE_URL as string);
            await migrate(db);
            return db;
          },
        },
      ]
    : []),
];

/** A fresh external id, so tests sharing one database never see each other's workspaces. */
export const uniqueId = (prefix = "T") => `${prefix}${randomUUID().slice(0, 8).toUpperCase()}`;
