/** `/articles/[id]`: one article's text beside its claims, for review and annotation. `?claim=` selects one. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleWorkbench } from "~/components/articles/article-workbench";

export const metadata: Metadata = { title: "Article" };

function positiveInt(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

export default async function ArticlePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const articleId = positiveInt(id);
  if (articleId === null) notFound();
  const initialClaimId = positiveInt((await searchParams).claim);
  return <ArticleWorkbench key={articleId} articleId={articleId} initialClaimId={initialClaimId} />;
}
