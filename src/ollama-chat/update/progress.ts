// What one pull's stream says so far: which phase it is in, the bytes being downloaded, the speed.
// Any status string may come; only layer lines (with a total) count as bytes. A layer already on
// disk gives a single line with completed == total: only layers seen incomplete are downloads.
import type { PullProgress } from "../ollama/types";

export type Phase = "checking" | "downloading" | "finishing";

/** Speed is measured over this window (ns), so a jittery stream still reads steadily. */
const SPEED_WINDOW_NS = 2e9;

interface Layer {
  total: number;
  completed: number;
  downloading: boolean;
}

interface Sample {
  time: number;
  bytes: number;
}

export class PullTracker {
  phase: Phase = "checking";
  /** The last status line, as Ollama wrote it. */
  status = "";
  /** Bytes of the layers actually downloaded (done / total). */
  done = 0;
  total = 0;
  /** Whether the stream showed new bytes or removed old layers: evidence the model changed. */
  changed = false;
  readonly started: number;
  private layers = new LuaMap<string, Layer>();
  private samples: Sample[] = [];

  constructor(now: number) {
    this.started = now;
  }

  /** Takes one streamed line; `now` is vim.uv.hrtime(). */
  feed(p: PullProgress, now: number): void {
    this.status = p.status;
    const total = p.total ?? 0;
    if (p.digest !== undefined && total > 0) {
      this.feedLayer(p.digest, total, p.completed ?? 0, now);
      return;
    }
    // "removing unused layers" only comes when the model changed (never whitelist the others).
    if (string.find(p.status, "removing", 1, true)[0] !== undefined && string.find(p.status, "unused", 1, true)[0] !== undefined) {
      if (string.find(p.status, "any", 1, true)[0] === undefined) this.changed = true;
    }
    if (this.phase === "downloading" && p.status !== "pulling manifest") this.finishLayers();
  }

  private feedLayer(digest: string, total: number, completed: number, now: number): void {
    let layer = this.layers.get(digest);
    if (layer === undefined) {
      layer = { total, completed: 0, downloading: false };
      this.layers.set(digest, layer);
    }
    if (!layer.downloading && completed < total) {
      layer.downloading = true;
      this.total += total;
      this.done += layer.completed;
      this.changed = true;
      this.phase = "downloading";
    }
    const next = math.min(completed, total);
    if (layer.downloading && next > layer.completed) this.done += next - layer.completed;
    layer.completed = math.max(layer.completed, next);
    if (layer.downloading) this.sample(now);
  }

  // The last line of a layer may stay below its total: once Ollama moved on, the layer is done.
  private finishLayers(): void {
    this.phase = "finishing";
    for (const [, layer] of this.layers) {
      if (layer.downloading && layer.completed < layer.total) {
        this.done += layer.total - layer.completed;
        layer.completed = layer.total;
      }
    }
  }

  private sample(now: number): void {
    const samples = this.samples;
    const last = samples[samples.length - 1];
    if (last !== undefined && last.time === now) last.bytes = this.done;
    else samples.push({ time: now, bytes: this.done });
    // Drop samples older than the window, keeping one at its edge.
    let drop = 0;
    while (drop < samples.length - 2 && now - samples[drop + 1].time >= SPEED_WINDOW_NS) drop++;
    if (drop > 0) this.samples = samples.slice(drop);
  }

  /** Bytes per second over the last seconds of the download, 0 before two samples. */
  speed(now: number): number {
    const samples = this.samples;
    if (samples.length < 2 || this.phase !== "downloading") return 0;
    const first = samples[0];
    const elapsed = math.max(now, samples[samples.length - 1].time) - first.time;
    if (elapsed <= 0) return 0;
    return ((this.done - first.bytes) * 1e9) / elapsed;
  }

  /** 0..1 of the download. */
  fraction(): number {
    return this.total > 0 ? math.min(1, this.done / this.total) : 0;
  }
}
