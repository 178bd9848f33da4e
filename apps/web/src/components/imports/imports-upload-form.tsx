"use client";
/** Choose or drop article files, upload them to /api/imports/upload and show the queued job. */
import { IMPORT_UPLOAD_EXTENSIONS, IMPORT_UPLOAD_MAX_BYTES } from "@claimdesk/types";
import Link from "next/link";
import { type DragEvent, type FormEvent, useId, useRef, useState } from "react";

const ACCEPT = [...IMPORT_UPLOAD_EXTENSIONS, ".gz"].join(",");
const MAX_MB = IMPORT_UPLOAD_MAX_BYTES / (1024 * 1024);

type UploadState =
  | { kind: "idle" }
  | { kind: "uploading" }
  | { kind: "queued"; jobId: number; files: string[] }
  | { kind: "error"; message: string };

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The route answers JSON `{ jobId, files }` or `{ error }`; anything else is reported as is. */
async function postFiles(files: readonly File[]): Promise<UploadState> {
  const body = new FormData();
  for (const file of files) body.append("files", file, file.name);
  let response: Response;
  try {
    response = await fetch("/api/imports/upload", { method: "POST", body });
  } catch {
    return { kind: "error", message: "The server could not be reached. Try again." };
  }
  const data = (await response.json().catch(() => null)) as {
    jobId?: number;
    files?: string[];
    error?: string;
  } | null;
  if (response.ok && typeof data?.jobId === "number") {
    return { kind: "queued", jobId: data.jobId, files: data.files ?? [] };
  }
  return {
    kind: "error",
    message: data?.error ?? `The upload failed (${response.status} ${response.statusText}).`,
  };
}

export function ImportsUploadForm({ onQueued }: { onQueued: (jobId: number) => void }) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [dragging, setDragging] = useState(false);
  const [state, setState] = useState<UploadState>({ kind: "idle" });
  const total = files.reduce((sum, f) => sum + f.size, 0);

  const choose = (list: FileList | null) => {
    setFiles(list ? Array.from(list) : []);
    if (state.kind === "error") setState({ kind: "idle" });
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    choose(event.dataTransfer.files);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (files.length === 0 || state.kind === "uploading") return;
    setState({ kind: "uploading" });
    const result = await postFiles(files);
    setState(result);
    if (result.kind === "queued") {
      setFiles([]);
      if (inputRef.current) inputRef.current.value = "";
      onQueued(result.jobId);
    }
  };

  return (
    <form
      onSubmit={onSubmit}
      aria-label="Upload articles"
      className="rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 className="text-sm font-semibold text-slate-800">Upload articles</h2>
      <label
        htmlFor={inputId}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`mt-2 flex cursor-pointer flex-col items-center justify-center rounded-md border-2 border-dashed px-4 py-6 text-center text-sm ${
          dragging
            ? "border-indigo-500 bg-indigo-50 text-indigo-800"
            : "border-slate-300 text-slate-600 hover:border-slate-400"
        }`}
      >
        <span className="font-medium">Drop files here or click to choose</span>
        <span className="mt-1 text-xs text-slate-500">
          .txt, .md, .html, .htm, .jsonl, .csv (optionally .gz) · up to {MAX_MB} MB in all
        </span>
      </label>
      <input
        ref={inputRef}
        id={inputId}
        type="file"
        name="files"
        multiple
        accept={ACCEPT}
        aria-label="Article files"
        onChange={(event) => choose(event.target.files)}
        className="sr-only"
      />
      {files.length > 0 ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="upload-selection">
          {files.length === 1 ? files[0]?.name : `${files.length} files`} · {formatBytes(total)}
        </p>
      ) : null}
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={files.length === 0 || state.kind === "uploading"}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700 disabled:cursor-not-allowed disabled:bg-slate-300"
        >
          {state.kind === "uploading" ? "Uploading…" : "Upload and queue"}
        </button>
        <div aria-live="polite" className="text-sm">
          {state.kind === "queued" ? (
            <span className="text-emerald-800">
              Queued as{" "}
              <Link href={`/imports/${state.jobId}`} className="font-medium underline">
                import job #{state.jobId}
              </Link>{" "}
              ({state.files.length} {state.files.length === 1 ? "file" : "files"}).
            </span>
          ) : null}
        </div>
      </div>
      {state.kind === "error" ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
