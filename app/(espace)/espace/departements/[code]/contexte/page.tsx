import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContextFigureBoardEditor } from "@/components/context-figures/context-figure-board-editor";
import { ContextFigureTable } from "@/components/context-figures/context-figure-table";
import { DepartmentNav } from "@/components/workspace/department-nav";
import { requireUser } from "@/lib/auth/web";
import { getContextFigureBoard } from "@/lib/context-figures/queries";
import { saveContextFigureForm } from "./save-context-figure-form";

export const metadata: Metadata = { title: "Chiffres de contexte" };

type Props = { params: Promise<{ code: string }> };

export default async function ContextFiguresPage({ params }: Props) {
  const viewer = await requireUser();
  const { code } = await params;
  const board = await getContextFigureBoard(viewer, code);
  if (!board) notFound();

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-700">Espace de travail</p>
        <h1 className="text-3xl font-bold">
          {board.department.name} ({board.department.code}) — chiffres de contexte
        </h1>
      </div>
      <DepartmentNav code={code} current="/contexte" />
      <p className="text-slate-700">
        Chiffres agrégés du département, année par année : budget de la protection de l&apos;enfance, enfants suivis par l&apos;ASE et part d&apos;entre
        eux en situation de handicap. Jamais de donnée sur un enfant ou une famille.
      </p>
      {board.canEdit ? (
        <ContextFigureBoardEditor departmentCode={board.department.code} figures={board.figures} action={saveContextFigureForm} />
      ) : (
        <ContextFigureTable figures={board.figures} />
      )}
    </div>
  );
}
