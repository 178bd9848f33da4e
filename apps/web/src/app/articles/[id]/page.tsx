/** `/articles/[id]`: one article's text beside its claims, for review and annotation. */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleWorkbench } from "~/components/article-workbench";

export const metadata: Metadata = { title: "Article" };

export default async function ArticlePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const articleId = Number(id);
  if (!/^\d+$/.test(id) || !Number.isSafeInteger(articleId) || articleId < 1) notFound();
  return <ArticleWorkbench articleId={articleId} />;
}
