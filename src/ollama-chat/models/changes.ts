// The model manager's channel: what is known about the local models changed (a listing, /api/ps,
// /api/show, the last outdated check). Announced by listing.ts and outdated.ts; the view redraws
// on its own schedule.
import * as events from "../events";

export interface ModelsChange {
  what: "listing" | "outdated";
}

export const changes = new events.Channel<ModelsChange>("model manager");
