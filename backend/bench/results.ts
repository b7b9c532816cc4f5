/**
 * The shape of one `npm run bench` run, as written to docs/bench/latest.json
 * and read by the plots. Latencies are milliseconds; rates are per second.
 */
export interface LatencySummary {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

/** CPU time one process spent during a measured window. */
export interface ProcessCpu {
  name: string;
  ms: number;
}

/** One step of an open-loop sweep: a constant arrival rate held for `seconds`. */
export interface SweepStep {
  /** The arrival rate asked of the generator. */
  offeredPerSecond: number;
  /** Requests actually sent per second (the generator may fall short of the offered rate). */
  sentPerSecond: number;
  /** Answers that carried a decision (reserved or refused), per second of the step. */
  decidedPerSecond: number;
  seconds: number;
  /** From each request's intended send time to its answer: queueing shows here (no coordinated omission). */
  latency: LatencySummary;
  /** Answers by outcome: `201`, `409`, `202`, `429`, `error`, `timeout`… */
  statuses: Record<string, number>;
  /** CPU per 1,000 decisions, per process. */
  cpuPer1000: ProcessCpu[];
  /**
   * Where a hold's time went, from the decisions' own records: issued by the
   * gateway → decided in the booking core's transaction, and decided →
   * published to Kafka by the outbox relay (p50 and p99, ms). The rest of a
   * request's latency is the gateway's side: receiving it, and the answer's
   * way back.
   */
  stages?: { issuedToDecided: { p50: number; p99: number }; decidedToPublished: { p50: number; p99: number } };
  /** p99 within the target and (nearly) every request decided. */
  sustained: boolean;
}

export interface Sweep {
  path: 'socket' | 'rest';
  steps: SweepStep[];
  /** The highest offered rate the path sustained, or 0. */
  sustainedPerSecond: number;
  p99TargetMs: number;
}

/** Seats sold over time in the flash sale: one point per sample. */
export interface SellOutPoint {
  /** Seconds since the sale opened. */
  t: number;
  /** Seats reserved or beyond (not available) at that time. */
  taken: number;
  /** Hold attempts per second over the sample. */
  attemptsPerSecond: number;
}

export interface FlashSale {
  seats: number;
  buyers: number;
  /** Seconds from the first attempt until no seat was available; null when it did not sell out in time. */
  sellOutSeconds: number | null;
  attempts: number;
  attemptsPerSecond: number;
  latency: LatencySummary;
  statuses: Record<string, number>;
  timeline: SellOutPoint[];
  invariants: {
    doubleBookedSeats: number;
    /** 201 answers whose booking is not in the database, live, with those seats. */
    lost201: number;
    /** Seats whose status disagrees with the bookings that hold them. */
    unaccountedSeats: number;
  };
}

export interface FanOut {
  sockets: number;
  /** Decision (the booking core's commit) → socket, one sample per socket and booking. */
  latency: LatencySummary;
  /** seat.updated messages received, one per socket per message (as the bare socket.io baseline counts them), per second. */
  deliveriesPerSecond: number;
  /** Gateway CPU per 1,000 such deliveries. */
  gatewayCpuMsPer1000: number;
  missing: number;
}

/** The waiting room: buyers queued, then admitted at a target rate (bench/waiting-room). */
export interface WaitingRoomRun {
  buyers: number;
  /** Of them, watching over the socket. */
  sockets: number;
  targetPerMinute: number;
  /** Over the steady stretch (first tick that admitted anyone → last before the queue ran dry). */
  measuredPerMinute: number;
  admitted: number;
  admissionSeconds: number;
  joinsPerSecond: number;
  joinLatency: LatencySummary;
  redisCpuMsPer1000Joins: number;
  /** Redis CPU while admitting, as a share of one core. */
  redisCpuShareWhileAdmitting: number;
  redisBytesPer10000Waiting: number;
  /** From a tick at the gateway to its queue.updated reaching the last waiting socket, one sample per tick. */
  tickToEverySocket: LatencySummary;
  ticksNotReachingEverySocket: number;
}

/** The adaptive waiting room: buyers let in hold at once, so admitting more loads the booking core more (bench/waiting-room/adaptive.ts). */
export interface AdaptiveRoomRun {
  buyers: number;
  holdsEach: number;
  admitted: number;
  holds: number;
  seconds: number;
  targetMs: number;
  startPerMinute: number;
  peakPerMinute: number;
  /** Per second since the room opened: the rate in force, holds decided, their p90 (as the buyers waited). */
  timeline: Array<{ t: number; perMinute: number; holdsPerSecond: number; p90Ms: number }>;
}

export interface Baselines {
  http: { requestsPerSecond: number; latency: LatencySummary; connections: number };
  postgres: { rowsPerSecond: number; cpuMsPer1000Rows: number; batchRows: number; connections: number };
  kafka: { messagesPerSecond: number; roundTripLatency: LatencySummary; batch: number };
  socketio: Array<{ sockets: number; deliveriesPerSecond: number; cpuMsPer1000: number; latency: LatencySummary }>;
}

export interface BenchRun {
  startedAt: string;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string; loadAverage: number[] };
  command: string;
  baselines: Baselines;
  sweeps: Sweep[];
  core?: {
    decisionsPerSecond: number;
    cpuPer1000: ProcessCpu[];
    commands: number;
    /** The same run with best-available holds (`best: {count: BEST_OF}`) instead of named seats. */
    best?: { decisionsPerSecond: number; cpuPer1000: ProcessCpu[]; commands: number; count: number };
  };
  flashSale?: FlashSale;
  fanOut: FanOut[];
  waitingRoom?: WaitingRoomRun;
  adaptiveRoom?: AdaptiveRoomRun;
  /** Each target: what it asks, what was measured, met or missed and by how much. */
  targets: Array<{ name: string; target: string; measured: string; met: boolean }>;
}
