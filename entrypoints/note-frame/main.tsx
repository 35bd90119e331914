import { render } from 'preact';
import { messengerNotesClient } from '@/utils/notes/client';
import { parseNoteFrameQuery, type NoteFrameMessage } from '@/utils/notes/note-frame';
import { NoteFrame } from './NoteFrame';
import { NOTE_FRAME_CSS } from './frame-css';

const style = document.createElement('style');
style.textContent = NOTE_FRAME_CSS;
document.head.append(style);
document.documentElement.lang = browser.i18n.getUILanguage();

const params = parseNoteFrameQuery(location.search);
if (!params) console.error('[talent-lens] the notes frame was opened without a person or nonce');

// '*': the card's page can be any origin (or an opaque one); what is posted is only a height or an Escape.
const post = (message: NoteFrameMessage) => window.parent.postMessage(message, '*');

render(<NoteFrame params={params} client={messengerNotesClient} post={post} />, document.getElementById('app')!);
