import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionEditor } from "@/components/actions/action-editor";
import { listContractObjectives } from "@/lib/actions/queries";
import { requireUser } from "@/lib/auth/web";
import { getWorkspaceDepartment } from "@/lib/workspace/queries";
import { createActionForm } from "./create-action-form";

export const metadata: Metadata = { title: "Nouvelle fiche action" };

export default async function NewActionPage({ params }: { params: Promise<{ code: string }> }) {
  const viewer = await requireUser();
  const { code } = await params;
  const workspace = await getWorkspaceDepartment(viewer, code);
  const contract = workspace?.dashboard.contract;
  if (!workspace || !contract || !workspace.permissions.editActions) notFound();
  const objectives = await listContractObjectives(contract.id);
  return (
    <div className="max-w-3xl space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href={`/espace/departements/${code}`} className="text-marianne underline">
          Espace {workspace.dashboard.department.name}
        </Link>{" "}
        › Nouvelle fiche action
      </nav>
      <h1 className="text-3xl font-bold">Nouvelle fiche action</h1>
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <ActionEditor
          action={createActionForm}
          initial={{ contractId: contract.id, departmentCode: code, status: "NOT_STARTED", progress: "0" }}
          objectives={objectives}
          submitLabel="Créer la fiche action"
        />
      </div>
    </div>
  );
}
