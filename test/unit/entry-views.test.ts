import { describe, expect, it } from "vitest";
import { viewEntry } from "../../src/app/views.ts";
import type { Entry, Workspace } from "../../src/domain/entities.ts";

const workspace = { language: "da", timeZone: "Europe/Copenhagen" } as Workspace;
const decision = (data: Record<string, unknown>, status: Entry["status"] = "open"): Entry => ({
  id: "3f1c2a9e-0000-4000-8000-000000000001",
  discussionId: "d",
  point: 8,
  kind: "decision",
  data,
  authorId: "U1",
  ownerId: null,
  deadline: null,
  status,
  carriedFrom: null,
  source: "form",
  createdAt: new Date("2026-11-30T09:00:00Z"),
  completedAt: null,
});

describe("an entry as shown on cards and messages", () => {
  it("is described from its text and status, in the workspace's language and time zone", () => {
    const text = {
      text: "Indkøb af lydabsorbenter",
      owner: { name: "Mette Hansen" },
      deadline: "2027-02-01",
    };
    const first = viewEntry(decision(text), workspace);
    expect(first.described.text).toBe("Indkøb af lydabsorbenter (Åben)");
    // Read again from the database: equal data in a new object, shown the same.
    expect(viewEntry(decision(structuredClone(text)), workspace)).toEqual(first);

    const edited = viewEntry(decision({ ...text, owner: { name: "Ole Jensen" } }), workspace);
    expect(edited.described.details).toEqual(["ansvarlig: Ole Jensen, frist: 1. februar 2027"]);

    const done = viewEntry(decision({ ...text, owner: { name: "Ole Jensen" } }, "done"), workspace);
    expect(done.described.text).toBe("Indkøb af lydabsorbenter (Gennemført)");

    // Where another time zone is kept, its dates are written in the workspace's zone.
    const elsewhere = viewEntry(decision({ ...text, owner: { name: "Ole Jensen" } }, "done"), {
      ...workspace,
      timeZone: "America/New_York",
    });
    expect(elsewhere.described.details).toEqual(["ansvarlig: Ole Jensen, frist: 1. februar 2027"]);

    const english = viewEntry(decision({ ...text, owner: { name: "Ole Jensen" } }, "done"), {
      ...workspace,
      language: "en",
    });
    expect(english.described.label).not.toBe(done.described.label);
  });
});
