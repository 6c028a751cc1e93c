// Preloaded into the action's process by the year simulation (`node --import`): its clock reads the simulated
// day, as the emulator's does, so the action decides on day 200 what it would decide then. Real time still runs
// its timers, waits and deadlines (only the epoch is shifted).
const offset = Number(process.env.SIMULATION_CLOCK_OFFSET_MS ?? 0);
if (Number.isFinite(offset) && offset !== 0) {
  const RealDate = Date;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
