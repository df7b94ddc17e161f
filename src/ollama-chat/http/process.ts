// Runs a child process without blocking: output through callbacks, then exactly one on_exit,
// after ALL output was delivered. That is vim.system on Neovim 0.11+. On 0.10, vim.system closes
// stdout as soon as the process exits and drops what was not read yet (neovim#30846: curl's last
// bytes, found losing whole responses under load), so there the pipes are read to EOF by hand.

export interface Process {
  readonly pid: number;
  kill(signal: number): void;
}

/** @noSelf */
export interface ProcessOpts {
  /** Written to stdin, which is then closed. */
  stdin?: string;
  stdout: (data: string) => void;
  stderr: (data: string) => void;
  /** Once, after stdout and stderr reached their end. */
  on_exit: (code: number, signal: number) => void;
}

function withSystem(cmd: string[], opts: ProcessOpts): Process {
  const sysOpts: SystemOpts = {
    stdin: opts.stdin ?? false,
    stdout: (_err, data) => {
      if (data !== undefined) opts.stdout(data);
    },
    stderr: (_err, data) => {
      if (data !== undefined) opts.stderr(data);
    },
  };
  const proc = vim.system(cmd, sysOpts, (result) => opts.on_exit(result.code, result.signal));
  return { pid: proc.pid, kill: (signal) => proc.kill(signal) };
}

function closePipe(pipe: UvPipe | undefined): void {
  if (pipe !== undefined && !pipe.is_closing()) pipe.close();
}

function withUv(cmd: string[], opts: ProcessOpts): Process {
  const stdin = opts.stdin !== undefined ? vim.uv.new_pipe(false) : undefined;
  const stdout = vim.uv.new_pipe(false);
  const stderr = vim.uv.new_pipe(false);
  let openStreams = 2;
  let exit: [number, number] | undefined;
  const finish = (): void => {
    if (exit !== undefined && openStreams === 0) opts.on_exit(exit[0], exit[1]);
  };
  const [proc, pidOrErr] = vim.uv.spawn(cmd[0], { args: cmd.slice(1), stdio: [stdin, stdout, stderr] }, (code, signal) => {
    proc?.close();
    exit = [code, signal];
    finish();
  });
  if (proc === undefined) {
    closePipe(stdin);
    closePipe(stdout);
    closePipe(stderr);
    // Reported like a process that failed: on the next turn of the loop, never synchronously.
    vim.schedule(() => {
      opts.stderr(`${cmd[0]}: ${tostring(pidOrErr)}`);
      opts.on_exit(127, 0);
    });
    return { pid: -1, kill: () => {} };
  }
  const readToEnd = (pipe: UvPipe, deliver: (this: void, data: string) => void): void => {
    pipe.read_start((_err, data) => {
      if (data !== undefined) {
        deliver(data);
        return;
      }
      closePipe(pipe);
      openStreams--;
      finish();
    });
  };
  readToEnd(stdout, opts.stdout);
  readToEnd(stderr, opts.stderr);
  if (stdin !== undefined) {
    stdin.write(opts.stdin!);
    stdin.shutdown(() => closePipe(stdin));
  }
  return {
    pid: pidOrErr as number,
    kill: (signal) => {
      if (!proc.is_closing()) proc.kill(signal);
    },
  };
}

const fixedSystem = vim.fn.has("nvim-0.11") === 1;

/** Starts `cmd` (argv, no shell); returns at once. */
export function run(cmd: string[], opts: ProcessOpts): Process {
  return fixedSystem ? withSystem(cmd, opts) : withUv(cmd, opts);
}
