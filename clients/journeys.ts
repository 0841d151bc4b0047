/**
 * The job-board journeys written against the TypeScript types openapi-typescript generates
 * from openapi.yaml, with openapi-fetch: `clients/check` compiles this file with the types
 * (`tsc --noEmit`, strict), so a schema change that breaks what an integrator wrote fails CI.
 * The Python client is driven through the same journeys by tests/clients/.
 */
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/careerapi";

type Schemas = components["schemas"];
type Problem = Schemas["Problem"];

/** A client for the API at `baseUrl`; with a partner key, as `Authorization: Bearer <key>`.
 * Its answers are typed as JSON and problem documents (a role or occupation page also
 * offers JSON-LD, asked for with `Accept: application/ld+json`). */
export function careerApi(baseUrl: string, key?: string) {
  const headers: Record<string, string> = key === undefined ? {} : { Authorization: `Bearer ${key}` };
  return createClient<paths, "application/json" | "application/problem+json">({ baseUrl, headers });
}

type CareerApi = ReturnType<typeof careerApi>;

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    const blamed = (problem.errors ?? []).map((error) => error.parameter).join(", ");
    super(`${problem.status} ${problem.title}: ${problem.detail}${blamed ? ` (${blamed})` : ""}`);
  }
}

/** What a page shows of a band: its figures in the reader's currency when converted. */
export interface Pay {
  label: string;
  currency: string;
  min: number | null;
  max: number | null;
  median: number | null;
  rateDate: string | null;
}

function pay(band: Schemas["SalaryBandSummary"]): Pay {
  const converted: Schemas["ConvertedAmounts"] | null = band.converted;
  return {
    label: band.label || band.slug, // a band without a label has "", not null
    currency: converted?.currency ?? band.currency,
    min: converted ? converted.min : (band.min_amount ?? null),
    max: converted ? converted.max : (band.max_amount ?? null),
    median: converted ? converted.median : (band.median_amount ?? null),
    rateDate: converted?.rate_date ?? null,
  };
}

/** Journey 1: a role page with pay in the reader's currency and its interview processes. */
export async function rolePage(api: CareerApi, slug: string, currency: string) {
  const { data: role, error, response } = await api.GET("/api/v1/roles/{slug}/", {
    params: { path: { slug }, query: { currency } },
  });
  if (error) throw new ApiProblem(error);
  const processes = await Promise.all(
    role.interview_processes.map(async (summary) => {
      const { data: process, error } = await api.GET("/api/v1/interview-processes/{slug}/", {
        params: { path: { slug: summary.slug } },
      });
      if (error) throw new ApiProblem(error);
      const stages = process.stages.map((stage: Schemas["InterviewStage"]) => ({
        position: stage.position,
        name: stage.name,
        kind: stage.kind,
        rounds: [stage.rounds_min ?? null, stage.rounds_max ?? null] as const,
      }));
      return { name: process.name, weeks: process.duration_weeks_max ?? null, stages };
    }),
  );
  return {
    title: role.title,
    company: role.company,
    pay: role.salary_bands.map(pay),
    processes,
    credits: role.sources.map((source) => source.attribution),
    quota: response.headers.get("RateLimit-Limit"),
  };
}

/** Journey 2: a recruiter's filters (every skill, or any of them) and the skill match. */
export async function recruiter(api: CareerApi, skills: string[]) {
  const allOf = await api.GET("/api/v1/roles/", {
    params: { query: { skill: skills, page_size: 100 } },
  });
  const anyOf = await api.GET("/api/v1/roles/", {
    params: { query: { skill_any: skills, page_size: 100 } },
  });
  if (allOf.error) throw new ApiProblem(allOf.error);
  if (anyOf.error) throw new ApiProblem(anyOf.error);
  const match = await api.GET("/api/v1/roles/match/", {
    params: { query: { skills: skills.join(",") } },
  });
  if (match.error) throw new ApiProblem(match.error);
  const ranked = match.data.results.map((result: Schemas["RoleMatch"]) => ({
    role: result.role.slug,
    score: result.score,
    coverage: result.coverage,
    missing: result.missing.map((skill) => `${skill.name} (${skill.importance})`),
  }));
  const slugs = (page: Schemas["PaginatedRoleList"]) => page.results.map((role) => role.slug);
  return { allOf: slugs(allOf.data), anyOf: slugs(anyOf.data), ranked };
}

/** What a mirror keeps between two syncs. */
export interface Mirror {
  version: string;
  etags: Map<string, string>;
}

/** Journey 3: a sync: the version, what changed since the last one, a page revalidated
 * with its ETag (a 304 costs nothing to read), and the bulk export with its checksum. */
export async function sync(api: CareerApi, mirror: Mirror | null) {
  const dataset = await api.GET("/api/v1/dataset/");
  if (dataset.error) throw new ApiProblem(dataset.error);
  const version = dataset.data.version;

  if (mirror === null) {
    const exported = await api.GET("/api/v1/export/", { parseAs: "text" });
    if (exported.error) throw new ApiProblem(exported.error);
    const lines = exported.data.split("\n").filter((line) => line !== "");
    const last = JSON.parse(lines[lines.length - 1] ?? "{}") as { sha256?: string };
    const body = lines.slice(0, -1).map((line) => `${line}\n`).join("");
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
    const sha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, "0")).join("");
    if (sha256 !== last.sha256) throw new Error("the export is incomplete");
    return { version, items: lines.length - 2, changed: [] as Schemas["Change"][] };
  }

  const changed: Schemas["Change"][] = [];
  let page: number | undefined = 1;
  while (page !== undefined) {
    const feed = await api.GET("/api/v1/changes/", {
      params: { query: { since: mirror.version, page, page_size: 100 } },
    });
    if (feed.error) throw new ApiProblem(feed.error);
    const answer: Schemas["ChangeFeed"] = feed.data;
    changed.push(...answer.results);
    page = answer.next === null ? undefined : page + 1;
  }
  for (const change of changed.filter((item) => item.type === "roles" && item.kind !== "deleted")) {
    const etag = mirror.etags.get(change.slug);
    const { response } = await api.GET("/api/v1/roles/{slug}/", {
      params: { path: { slug: change.slug } },
      headers: etag === undefined ? {} : { "If-None-Match": etag },
    });
    const fresh = response.headers.get("ETag");
    if (response.status !== 304 && fresh !== null) mirror.etags.set(change.slug, fresh);
  }
  return { version, items: null, changed };
}
