// Uses every callback-taking declaration of types/ exactly as plugin code would, and reports what
// each callback received through `record`. spec/declarations_spec.lua runs it in real Neovim: a
// declaration that lost its `this: void` shifts the arguments, and the recorded values are wrong.
type Record = (this: void, key: string, ...values: unknown[]) => void;

export function system(record: Record): void {
  vim.system(["sh", "-c", "printf out; printf err >&2; exit 3"], {
    text: true,
    stdout: (err, data) => {
      if (data !== undefined) record("stdout", err, data);
    },
    stderr: (err, data) => {
      if (data !== undefined) record("stderr", err, data);
    },
  }, (result) => record("exit", result.code, result.signal));
}

export function systemStdin(record: Record): void {
  const proc = vim.system(["cat"], { stdin: true }, (result) => record("cat", result.stdout));
  proc.write("piped");
  proc.write(undefined);
}

export function schedule(record: Record): void {
  vim.schedule(() => record("schedule", "ran"));
  const wrapped = vim.schedule_wrap((a: string, b: number) => record("schedule_wrap", a, b));
  wrapped("a", 2);
  vim.defer_fn(() => record("defer_fn", "ran"), 1);
}

export function timer(record: Record): void {
  const t = vim.uv.new_timer();
  let ticks = 0;
  t.start(1, 1, () => {
    ticks += 1;
    if (ticks === 2) {
      t.stop();
      t.close();
      record("timer", ticks, t.is_closing());
    }
  });
}

export function uiSelect(record: Record): void {
  vim.ui.select(["x", "y"], { prompt: "pick", format_item: (item) => `<${item}>` }, (item, idx) => record("select", item, idx));
}

export function uiInput(record: Record): void {
  vim.ui.input({ prompt: "name: " }, (input) => record("input", input));
}

export function keymap(record: Record): void {
  vim.keymap.set("n", "<F9>", () => record("keymap", "pressed"), { desc: "probe" });
  vim.api.nvim_set_keymap("n", "<F10>", "", { callback: () => record("api_keymap", "pressed") });
}

export function autocmd(record: Record): void {
  const group = vim.api.nvim_create_augroup("declprobe", { clear: true });
  vim.api.nvim_create_autocmd("User", {
    group,
    pattern: "DeclProbe",
    callback: (args) => {
      record("autocmd", args.match, (args.data as { n: number }).n);
    },
  });
  vim.api.nvim_exec_autocmds("User", { pattern: "DeclProbe", data: { n: 7 } });
}

export function userCommand(record: Record): void {
  vim.api.nvim_create_user_command("DeclProbe", (args) => record("command", args.args, args.fargs.length, args.line1), {
    nargs: "*",
    range: true,
    complete: (lead, line, pos) => {
      record("complete", lead, line, pos);
      return ["one", "two"];
    },
  });
}

export function bufAttach(record: Record): void {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_attach(buf, false, {
    on_lines: (event, b, _tick, first, last, lastUpdated) => {
      record("on_lines", event, b === buf, first, last, lastUpdated);
      return true;
    },
  });
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, ["a", "b"]);
}

export function fs(record: Record, dir: string): void {
  const path = `${dir}/probe.txt`;
  vim.uv.fs_open(path, "w", 420, (err, fd) => {
    record("fs_open", err, type(fd));
    vim.uv.fs_write(fd!, "hello", 0, (werr, bytes) => {
      record("fs_write", werr, bytes);
      vim.uv.fs_fsync(fd!, (serr, ok) => {
        record("fs_fsync", serr, ok);
        vim.uv.fs_close(fd!, (cerr, cok) => {
          record("fs_close", cerr, cok);
          vim.uv.fs_rename(path, `${path}.moved`, (rerr, rok) => {
            record("fs_rename", rerr, rok);
            vim.uv.fs_stat(`${path}.moved`, (sterr, stat) => {
              record("fs_stat", sterr, stat?.size, stat?.type);
              vim.uv.fs_open(`${path}.moved`, "r", 0, (oerr, rfd) => {
                vim.uv.fs_read(rfd!, 100, 0, (rderr, data) => {
                  record("fs_read", oerr ?? rderr, data);
                  vim.uv.fs_close(rfd!);
                  vim.uv.fs_scandir(dir, (scerr, handle) => {
                    record("fs_scandir", scerr, vim.uv.fs_scandir_next(handle!)[0]);
                    vim.uv.fs_unlink(`${path}.moved`, (uerr, uok) => record("fs_unlink", uerr, uok));
                  });
                });
              });
            });
          });
        });
      });
    });
  });
}

export function terminal(record: Record): void {
  const buf = vim.api.nvim_create_buf(false, true);
  vim.api.nvim_buf_call(buf, () => {
    const opts: TermOpts = { on_exit: (jobId, code, event) => record("term_exit", type(jobId), code, event) };
    if (vim.fn.has("nvim-0.11") === 1) vim.fn.jobstart(["sh", "-c", "exit 4"], { ...opts, term: true });
    else vim.fn.termopen(["sh", "-c", "exit 4"], opts);
  });
}

export function fsMkdir(record: Record, dir: string): void {
  vim.uv.fs_mkdir(`${dir}/made`, 493, (err, ok) => {
    record("fs_mkdir", err, ok);
    vim.uv.fs_mkdir(`${dir}/made`, 493, (again) => record("fs_mkdir_again", again));
  });
}

export function spawn(record: Record): void {
  const stdin = vim.uv.new_pipe(false);
  const stdout = vim.uv.new_pipe(false);
  const parts: string[] = [];
  const [proc, pid] = vim.uv.spawn("sh", { args: ["-c", "cat; exit 5"], stdio: [stdin, stdout, undefined] }, (code, signal) => {
    record("spawn_exit", code, signal, type(pid));
    proc?.close();
  });
  stdout.read_start((err, data) => {
    if (data !== undefined) parts.push(data);
    else {
      record("spawn_eof", err, parts.join(""));
      stdout.close();
    }
  });
  stdin.write("through stdin", (err) => record("spawn_write", err));
  stdin.shutdown(() => stdin.close());
}
