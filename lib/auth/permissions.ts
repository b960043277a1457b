// The permission table's public face, for pages and components (which never import lib/server).
export { ROLE_LABELS, can, type Permission, type Role, type SessionUser, type Territory, type Viewer } from "../server/authz";
