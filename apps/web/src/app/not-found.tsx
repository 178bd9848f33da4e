/** 404 for unknown routes and malformed article ids. */
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">There is nothing at this address.</p>
      <Link
        href="/"
        className="mt-4 inline-block rounded text-sm font-medium text-indigo-700 underline"
      >
        Back to the articles
      </Link>
    </div>
  );
}
