// One run of :OllamaUpdate, :Ollama outdated or :Ollama pull: list the local models, then pull
// (or check) them a few at a time through the queue, decide each outcome from /api/tags, and end
// with a summary and the OllamaUpdateDone event. The run announces its changes on `runChanges`;
// the progress view listens and redraws on its own schedule.
import * as config from "../config";
import * as events from "../events";
import * as client from "../ollama/client";
import * as localModels from "../ollama/localmodels";
import { fullName, sameModel } from "../ollama/names";
import type { Handle, ModelInfo, OllamaError } from "../ollama/types";
import { notify } from "../ui/notify";
import { check, type Verdict } from "./check";
import { nameWidth, type Line } from "./format";
import { decide, failureText } from "./outcome";
import { PullTracker } from "./progress";
import { Queue } from "./queue";
import { isFinal, newRow, type Row } from "./row";
import * as report from "./report";
import { emptyPayload, message, payload } from "./summary";
import type { Mode, Noun } from "./summary";

/** Registry checks are small requests: more of them at once than pulls. */
const CHECK_CONCURRENCY = 4;

export interface Request {
  mode: Mode;
  /** The models named by the user; undefined: every local model. */
  names: string[] | undefined;
  /** Named models need not be installed (a pull downloads them). */
  install: boolean;
}

/** What a run announces: it started (has rows to show), changed, or ended. */
export interface RunChange {
  run: Run;
  phase: "started" | "changed" | "ended";
}

/** Every run's changes. */
export const runChanges = new events.Channel<RunChange>("update view");

/** @noSelf */
export interface RunHooks {
  /** Once, when the run is over, before OllamaUpdateDone is emitted. */
  on_end: () => void;
  /** The view's `u` key. */
  update_outdated: () => void;
}

export class Run {
  readonly rows: Row[] = [];
  readonly started = vim.uv.hrtime();
  private queue: Queue<Row> | undefined;
  /** The /api/tags request in flight: the listing at the start, or the confirmation at the end. */
  private listing: Handle | undefined;
  /** Pulls that ended well, waiting for /api/tags to confirm their outcome. */
  private pulled: Row[] = [];
  /** Models named while the run was still listing (a pull during an update). */
  private pending: string[] = [];
  /** The last digest /api/tags gave for each model. */
  private digests = new LuaMap<string, string>();
  private stopped = false;
  private ended: number | undefined;
  private width = 0;

  constructor(
    readonly request: Request,
    private readonly hooks: RunHooks,
  ) {}

  /** What the user calls this run. */
  noun(): Noun {
    if (this.request.mode === "check") return "check";
    return this.request.install ? "pull" : "update";
  }

  start(): void {
    this.listing = client.tags((err, models) => {
      this.listing = undefined;
      if (err !== undefined || models === undefined) return this.abort(err);
      // Whatever the listing holds, the run must end: a run left open would make every later
      // :OllamaUpdate answer "already running".
      const [ok, failure] = pcall(() => {
        this.noteTags(models);
        this.begin(models);
      });
      if (!ok && this.ended === undefined) this.abort({ kind: "invalid_response", message: `the update could not start: ${tostring(failure)}` } as OllamaError);
    });
  }

  /** Cancels what runs and what waits; true when something was cancelled. */
  stop(): boolean {
    if (this.ended !== undefined || this.stopped) return false;
    let cancelled = false;
    if (this.listing !== undefined) {
      this.listing.cancel();
      cancelled = true;
    }
    const queue = this.queue;
    if (queue !== undefined) {
      const running = queue.running();
      const dropped = queue.cancel();
      for (const row of dropped) this.settle(row, "cancelled", "");
      cancelled = cancelled || running > 0 || dropped.length > 0;
    }
    this.stopped = cancelled;
    this.changed();
    return cancelled;
  }

  /** Adds a model to a running update (`:Ollama pull` meanwhile); false when it cannot join. */
  add(name: string): boolean {
    if (this.request.mode !== "update" || this.ended !== undefined || this.stopped) return false;
    if (this.queue === undefined) {
      this.pending.push(name);
      return true;
    }
    let row: Row | undefined;
    for (const r of this.rows) if (sameModel(r.name, name)) row = r;
    if (row !== undefined && !isFinal(row)) return true;
    if (row === undefined) {
      row = this.rowFor(name, true);
      this.rows.push(row);
      this.width = nameWidth(this.rows);
    } else {
      // Pulled again after it ended in this run: from where /api/tags says it is now.
      row.digest = this.digests.get(row.name);
      row.state = "queued";
      row.detail = "";
      row.tracker = undefined;
      row.ended = undefined;
    }
    this.queue.push(row);
    this.changed();
    return true;
  }

  private noteTags(models: ModelInfo[]): void {
    for (const m of models) this.digests.set(m.name, m.digest);
    localModels.remember(models);
  }

  private localName(name: string): string | undefined {
    if (this.digests.has(name)) return name;
    for (const [local] of this.digests) if (sameModel(local, name)) return local;
    return undefined;
  }

  /** The row of a model the user named: installed, to be installed, or failed at once. */
  private rowFor(name: string, install: boolean): Row {
    const local = this.localName(name);
    if (local !== undefined) return newRow(local, this.digests.get(local));
    const row = newRow(fullName(name), undefined);
    if (!install) {
      row.state = "failed";
      row.detail = `not installed: pull it with \`:Ollama pull ${fullName(name)}\``;
    }
    return row;
  }

  private buildRows(models: ModelInfo[]): void {
    const names = this.request.names;
    if (names === undefined) {
      for (const m of models) this.rows.push(newRow(m.name, m.digest));
    }
    const seen = new LuaSet<string>();
    for (const r of this.rows) seen.add(r.name);
    const named = names ?? [];
    for (const list of [named, this.pending]) {
      for (const name of list) {
        const row = this.rowFor(name, this.request.install || list === this.pending);
        if (!seen.has(row.name)) {
          seen.add(row.name);
          this.rows.push(row);
        }
      }
    }
    this.pending = [];
  }

  private begin(models: ModelInfo[]): void {
    this.buildRows(models);
    if (this.rows.length === 0) {
      notify(
        this.request.mode === "check"
          ? "no local models to check: pull one with `:Ollama pull llama3.2`"
          : "no local models to update: pull one with `:Ollama pull llama3.2`",
      );
      this.close();
      return events.emit("OllamaUpdateDone", emptyPayload(this.request.mode));
    }
    this.width = nameWidth(this.rows);
    const limit = this.request.mode === "check" ? CHECK_CONCURRENCY : config.get().update.concurrency;
    const queue = new Queue<Row>(limit, {
      start: (row, done) => (this.request.mode === "check" ? this.checkJob(row, done) : this.pullJob(row, done)),
      on_idle: () => (this.request.mode === "check" ? this.finish() : this.confirm()),
    });
    this.queue = queue;
    runChanges.publish({ run: this, phase: "started" });
    let queued = 0;
    for (const row of this.rows) {
      if (row.state === "queued") {
        queued++;
        queue.push(row);
      }
    }
    if (queued === 0) this.finish();
  }

  private snapshot(): report.Snapshot {
    return { mode: this.request.mode, rows: this.rows, started: this.started, ended: this.ended, stopped: this.stopped, nameWidth: this.width };
  }

  /** The view's text now (`now` is vim.uv.hrtime()). */
  lines(now: number): Line[] {
    return report.lines(this.snapshot(), now);
  }

  title(): string {
    return report.title(this.request.mode, this.request.install);
  }

  /** Key hints under the view. */
  footer(): string {
    return report.footer(this.snapshot());
  }

  /** The view's x key. */
  stopFromView(): void {
    if (!this.stop()) notify(this.ended !== undefined ? "nothing to stop: the run is over" : "nothing left to stop");
  }

  /** The view's u key. */
  updateOutdated(): void {
    this.hooks.update_outdated();
  }

  private changed(): void {
    runChanges.publish({ run: this, phase: "changed" });
  }

  private settle(row: Row, state: Row["state"], detail: string): void {
    row.state = state;
    row.detail = detail;
    // Confirming a pull through /api/tags settles it again: its time stays the pull's own.
    if (row.ended === undefined) row.ended = vim.uv.hrtime();
  }

  /** Settles a pulled model from the facts known so far (see outcome.ts). */
  private conclude(row: Row, err: OllamaError | undefined, after: string | undefined): void {
    const outcome = decide({ before: row.digest, error: err, after, streamChanged: row.tracker?.changed ?? false });
    if (outcome.state === "updated") this.settle(row, outcome.installed ? "installed" : "updated", "");
    else this.settle(row, outcome.state, outcome.state === "failed" ? failureText(row.name, outcome.error, row.digest !== undefined) : "");
    this.changed();
  }

  /**
   * Pulls one model. When the stream ends well the line shows what the stream suggests; the
   * outcome is confirmed from /api/tags once the pulls are over (one request for all of them:
   * each request is a process to start).
   */
  private pullJob(row: Row, done: () => void): Handle {
    const tracker = new PullTracker(vim.uv.hrtime());
    row.tracker = tracker;
    row.state = "checking";
    row.detail = "";
    this.changed();
    return client.pull(row.name, {
      on_progress: (p) => {
        tracker.feed(p, vim.uv.hrtime());
        row.state = tracker.phase;
        row.detail = p.status;
        this.changed();
      },
      on_done: (err) => {
        this.conclude(row, err, undefined);
        if (err === undefined) this.pulled.push(row);
        done();
      },
    });
  }

  /**
   * The pulls are over: /api/tags tells which models changed. One request at a time; when it
   * answers, pulls that ended meanwhile (a model joined by `:Ollama pull`) are confirmed next,
   * and the run finishes once nothing is left.
   */
  private confirm(): void {
    if (this.ended !== undefined || this.listing !== undefined) return;
    const rows = this.pulled;
    if (rows.length === 0) {
      if (this.queue === undefined || this.queue.running() === 0) this.finish();
      return;
    }
    this.pulled = [];
    const handle = client.tags((err, models) => {
      if (this.listing === handle) this.listing = undefined;
      const known = err === undefined && models !== undefined;
      const after = new LuaMap<string, string>();
      if (known) {
        this.noteTags(models!);
        for (const m of models!) after.set(m.name, m.digest);
      }
      for (const row of rows) this.conclude(row, undefined, known ? after.get(row.name) ?? "" : undefined);
      this.confirm();
    });
    this.listing = handle;
  }

  /** Asks the registry whether a newer version of one model exists. */
  private checkJob(row: Row, done: () => void): Handle {
    row.state = "checking";
    row.detail = "asking the registry";
    this.changed();
    return check(row.name, row.digest ?? "", config.get().update.registry, (verdict: Verdict, cancelled: boolean) => {
      if (cancelled) this.settle(row, "cancelled", "");
      else if (verdict.state === "unknown") this.settle(row, verdict.unreachable ? "unreachable" : "unknown", verdict.error);
      else this.settle(row, verdict.state, "");
      this.changed();
      done();
    });
  }

  /** Ollama could not list the models (not running, say): one message, no view. */
  private abort(err: OllamaError | undefined): void {
    const cancelled = err !== undefined && err.kind === "cancelled";
    const p = emptyPayload(this.request.mode);
    p.cancelled = cancelled;
    if (cancelled) {
      notify(`${this.noun()} stopped before it began`);
    } else {
      p.error = err !== undefined ? err.message : "Ollama did not list the local models";
      notify(p.error, vim.log.levels.ERROR);
    }
    this.close();
    events.emit("OllamaUpdateDone", p);
  }

  /** Every model has its outcome: final view, summary, event. */
  private finish(): void {
    if (this.ended !== undefined) return;
    const mode = this.request.mode;
    const p = payload(mode, this.rows, this.stopped);
    this.close();
    runChanges.publish({ run: this, phase: "ended" });
    // Ruler and showcmd share the last line: a longer message would wait for Enter.
    const width = vim.o.columns - 12 - "ollama-chat: ".length;
    const level = p.failed.length > 0 && mode === "update" ? vim.log.levels.WARN : vim.log.levels.INFO;
    notify(message(mode, this.rows, this.stopped, width, this.noun()), level);
    events.emit("OllamaUpdateDone", p);
  }

  private close(): void {
    this.ended = vim.uv.hrtime();
    this.hooks.on_end();
  }
}
