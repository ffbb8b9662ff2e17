// Test fixture: appends `count` audit events to the SQLite file given, as a separate server process would.
import { createStorage } from '../create-storage';

const [path, countText] = process.argv.slice(2);
const storage = await createStorage(`sqlite:${path ?? ''}`);
try {
  for (let index = 0; index < Number(countText); index += 1) {
    await storage.audit.append({
      actor: `prosess:${process.pid}`,
      action: 'note.read',
      entityType: 'note',
      entityId: `n${index}`,
      outcome: 'success',
    });
  }
} finally {
  await storage.close();
}
