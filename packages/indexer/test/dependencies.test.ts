// scripts/patch-dependencies.mjs edits Ponder, drizzle-orm and PGlite for speed only: the edits
// must be in place (or the benchmark's figures are not this code's), and the edited functions must
// answer exactly as upstream's do.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { Column, entityKind, is, SQL, sql } from "drizzle-orm";
import {
  jsonb,
  numeric,
  PgColumn,
  PgDialect,
  PgNumeric,
  PgText,
  pgTable,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("../../../scripts/patch-dependencies.mjs", import.meta.url));

it("every edit is in place, on the versions it was written for", () => {
  expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
});

describe("drizzle-orm is()", () => {
  const table = pgTable("t", { name: text("name"), amount: numeric("amount") });

  it("matches a column's class and every ancestor, and nothing else, on every call", () => {
    for (let call = 0; call < 2; call++) {
      expect(is(table.name, PgText)).toBe(true);
      expect(is(table.name, PgColumn)).toBe(true);
      expect(is(table.name, Column)).toBe(true);
      expect(is(table.name, PgNumeric)).toBe(false);
      expect(is(table.name, SQL)).toBe(false);
      expect(is(sql`select 1`, SQL)).toBe(true);
    }
  });

  it("answers false for what is not an entity", () => {
    for (const value of [{}, [], "text", 1n, null, undefined, Object.create(Object.prototype)])
      expect(is(value, SQL)).toBe(false);
  });

  it("matches by entity kind a class from another copy of drizzle, and its subclasses", () => {
    // biome-ignore lint/complexity/noStaticOnlyClass: shaped like a drizzle entity, whose kind is static
    class ForeignText {
      static readonly [entityKind] = PgText[entityKind];
    }
    class ForeignSubclass extends ForeignText {}
    expect(is(new ForeignText(), PgText)).toBe(true);
    expect(is(new ForeignSubclass(), PgText)).toBe(true);
    expect(is(new ForeignSubclass(), PgNumeric)).toBe(false);
    // A foreign subclass with a kind of its own matches its parent's kind too: the whole chain counts.
    // biome-ignore lint/complexity/noStaticOnlyClass: shaped like a drizzle entity, whose kind is static
    class ForeignColumn {
      static readonly [entityKind] = PgColumn[entityKind];
    }
    class ForeignColumnText extends ForeignColumn {
      static override readonly [entityKind] = PgText[entityKind];
    }
    expect(is(new ForeignColumnText(), PgText)).toBe(true);
    expect(is(new ForeignColumnText(), PgColumn)).toBe(true);
    expect(is(new ForeignColumn(), PgText)).toBe(false);
  });

  it("throws for a type that is not a drizzle entity", () => {
    class NotAnEntity {}
    expect(() => is(table.name, NotAnEntity as never)).toThrow(/doesn't look like a Drizzle entity/);
  });
});

describe("drizzle-orm PgDialect.prepareTyping", () => {
  const table = pgTable("t", {
    name: text("name"),
    amount: numeric("amount"),
    document: jsonb("document"),
    at: timestamp("at"),
    id: uuid("id"),
  });

  it("gives each column's wire type, unbound as drizzle calls it, again and again", () => {
    const { prepareTyping } = new PgDialect();
    for (let call = 0; call < 2; call++) {
      expect(prepareTyping(table.name)).toBe("none");
      expect(prepareTyping(table.amount)).toBe("decimal");
      expect(prepareTyping(table.document)).toBe("json");
      expect(prepareTyping(table.at)).toBe("timestamp");
      expect(prepareTyping(table.id)).toBe("uuid");
      expect(prepareTyping(undefined as never)).toBe("none");
    }
  });

  it("types a query's parameters by their columns", () => {
    const query = new PgDialect().sqlToQuery(
      sql`select ${sql.param("1.5", table.amount)}, ${sql.param("a", table.name)}, ${sql.param({}, table.document)}`,
    );
    expect(query.typings).toEqual(["decimal", "none", "json"]);
  });
});

describe("PGlite's text fields", () => {
  // A database per test (in memory), so that a reader that cannot even start fails the test.
  async function withDatabase(run: (db: PGlite) => Promise<void>) {
    const db = await PGlite.create();
    try {
      await run(db);
    } finally {
      await db.close();
    }
  }

  it("decodes multi-byte, empty, long and parameter-bound text exactly", () =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        "select $1::text as a, '' as b, repeat('é✓', 5000) as c, null::text as d",
        ["héllo ✓ 0x00"],
      );
      expect(rows).toEqual([{ a: "héllo ✓ 0x00", b: "", c: "é✓".repeat(5000), d: null }]);
    }));

  it("decodes every field of a many-row answer at its own offset", () =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        "select i, 'row ' || i || ' ✓' as s from generate_series(1, 2000) as i",
      );
      expect(rows).toEqual(Array.from({ length: 2000 }, (_, k) => ({ i: k + 1, s: `row ${k + 1} ✓` })));
    }));
});
