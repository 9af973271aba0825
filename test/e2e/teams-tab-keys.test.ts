import { describe, expect, it } from "vitest";
import { uniqueId } from "../helpers/db.ts";
import { EMPLOYER, teamsApp } from "../helpers/teams-app.ts";
import { entraToken } from "../helpers/teams-identity.ts";

const TENANT = uniqueId("tenant-");

// A file of its own: the adapter keeps Entra's keys once fetched, so the outage must come before any other test's.
describe("the Teams tab while Entra ID's signing keys cannot be fetched", () => {
  const app = teamsApp({ env: { MICROSOFT_ALLOWED_TENANTS: TENANT } });
  const token = entraToken({ tenantId: TENANT, userId: EMPLOYER.id, name: EMPLOYER.name });
  const data = () => fetch(`${app.url}/teams/tab/data`, { headers: { authorization: `Bearer ${token}` } });

  it("asks the person to try again shortly, and judges the token once the keys are back", async () => {
    app.connector.entraKeysDown = true;
    const down = await data();
    expect(down.status).toBe(503);
    expect(down.headers.get("retry-after")).toBe("30");
    expect(await down.json()).toEqual({
      reason: "failed",
      message: "Referatet kunne ikke hentes lige nu. Prøv igen om lidt.",
    });

    app.connector.entraKeysDown = false;
    // The token is good; the tenant has no workplace yet, which is what the person is told.
    const back = await data();
    expect(back.status).toBe(403);
    expect(((await back.json()) as { reason: string }).reason).toBe("not_set_up");
  });
});
