// One model of a run, as the view shows it and the summary counts it.
import type { PullTracker } from "./progress";

export type RowState =
  | "queued"
  | "checking" // pulling the manifest, or asking the registry
  | "downloading"
  | "finishing" // verifying, writing the manifest, asking /api/tags
  | "current"
  | "updated"
  | "installed" // a pull of a model that was not installed
  | "failed"
  | "cancelled"
  | "available" // check: the registry has a newer version
  | "not_in_registry" // check: 404 from the registry
  | "unreachable" // check: the registry could not be reached
  | "unknown"; // check: the registry answered with an error

export interface Row {
  /** The full name with its tag, as /api/tags lists it. */
  name: string;
  /** The digest in /api/tags when the run started; undefined when not installed. */
  digest: string | undefined;
  state: RowState;
  /** The server's last status, or why the model failed / could not be checked. */
  detail: string;
  tracker: PullTracker | undefined;
  /** hrtime when the model's pull or check ended. */
  ended: number | undefined;
}

export function newRow(name: string, digest: string | undefined): Row {
  return { name, digest, state: "queued", detail: "", tracker: undefined, ended: undefined };
}

const FINAL = new LuaSet<RowState>();
for (const s of ["current", "updated", "installed", "failed", "cancelled", "available", "not_in_registry", "unreachable", "unknown"] as RowState[]) FINAL.add(s);

export function isFinal(row: Row): boolean {
  return FINAL.has(row.state);
}
