// Types of couch-server.mjs (plain JavaScript so that Node runs it as is, from Playwright and from Vitest).
export declare const COUCH_ADMIN: { name: string; password: string }

export interface SecurityObject {
  admins: { names: string[]; roles: string[] }
  members: { names: string[]; roles: string[] }
}

export declare function startCouchServer(port?: number): Promise<{
  url: string
  addUser(name: string, password: string, roles?: string[]): Promise<unknown>
  createDatabase(name: string, security?: SecurityObject): Promise<void>
  readDocument(database: string, id: string): Promise<{ _id: string; _rev: string; _conflicts?: string[]; [field: string]: unknown }>
  stop(): Promise<void>
}>
