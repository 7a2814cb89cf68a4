/** Runs a job now and then every `intervalMs`; a failing run is logged and retried at the next tick. */
export function schedule(name: string, intervalMs: number, job: () => Promise<unknown>, log: (message: string, error?: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      log(`scheduled job ${name} failed`, error);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
