export interface User {
  id: number;
  name: string;
  email?: string;
}

type Result<T, E = Error> = { ok: true; value: T } | { ok: false; error: E };

export enum Role {
  Admin = 'admin',
  Member = 'member',
}

export class UserService {
  private readonly users = new Map<number, User>();

  constructor(private readonly log: (msg: string) => void) {}

  add(user: User): Result<User> {
    if (this.users.has(user.id)) {
      return { ok: false, error: new Error(`duplicate id ${user.id}`) };
    }
    this.users.set(user.id, user);
    this.log(`added ${user.name}`);
    return { ok: true, value: user };
  }

  find<K extends keyof User>(key: K, value: User[K]): User | undefined {
    for (const u of this.users.values()) {
      if (u[key] === value) return u;
    }
    return undefined;
  }
}
