import { Link } from '../shared/router';
import { documentsPath } from './documents-page';
import { useDocumentsMessages } from './documents-messages';

/** The link from a consultation's review page to its documents and exports. */
export function DocumentsLink({ consultationId }: { consultationId: string }) {
  const messages = useDocumentsMessages();
  return (
    <Link href={documentsPath(consultationId)} className="button button-small" data-testid="open-documents">
      {messages.documentsLink}
    </Link>
  );
}
