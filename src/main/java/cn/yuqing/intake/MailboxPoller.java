package cn.yuqing.intake;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.yuqing.shared.FileStore;
import cn.yuqing.shared.Masks;

/**
 * Reads the public mailbox (公开信箱) over IMAP. A letter becomes an item keyed by its Message-ID;
 * images and PDFs attached to it become attachments; HTML bodies are reduced to text. The folder is
 * opened read-only: the mailbox stays as the office left it.
 */
@Component
class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    static final int MAX_MESSAGES_PER_POLL = 500;

    private final Sources sources;
    private final ItemIntake intake;
    private final Clock clock;

    MailboxPoller(Sources sources, ItemIntake intake, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.clock = clock;
    }

    int pollDue() {
        int created = 0;
        for (IntakeSource source : sources.active(SourceKind.MAILBOX)) {
            if (source.duePoll(clock.instant())) {
                created += poll(source);
            }
        }
        return created;
    }

    int poll(IntakeSource source) {
        Properties props = new Properties();
        String protocol = source.mailSsl() ? "imaps" : "imap";
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".connectiontimeout", "10000");
        props.put("mail." + protocol + ".timeout", "20000");
        Session session = Session.getInstance(props);
        try (Store store = session.getStore(protocol)) {
            store.connect(source.mailHost(), source.mailPort(), source.mailUsername(), source.mailPassword());
            Folder folder = store.getFolder(source.mailFolder());
            folder.open(Folder.READ_ONLY);
            try {
                int count = folder.getMessageCount();
                int from = Math.max(1, count - MAX_MESSAGES_PER_POLL + 1);
                List<ItemSubmission> submissions = new ArrayList<>();
                for (Message message : count == 0 ? new Message[0] : folder.getMessages(from, count)) {
                    submissions.add(toSubmission((MimeMessage) message, source.channelId()));
                }
                int created = (int) intake.receive(submissions, Provenance.source(source)).stream()
                        .filter(r -> r.status() == IntakeResult.Status.CREATED).count();
                sources.delivered(source.id(), created);
                return created;
            } finally {
                folder.close(false);
            }
        } catch (Exception e) {
            log.warn("mailbox {} failed: {}", source.name(), e.toString());
            sources.failed(source.id(), "读取信箱失败：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : "：" + e.getMessage()));
            return 0;
        }
    }

    static ItemSubmission toSubmission(MimeMessage message, Long channelId) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        List<ItemSubmission.Upload> uploads = new ArrayList<>();
        collect(message, text, uploads);
        String id = message.getMessageID();
        if (id == null) {
            id = "mail:" + UrlKeys.sha256(String.valueOf(message.getSentDate()) + message.getSubject() + text);
        }
        String body = text.toString().strip();
        if (body.isEmpty()) {
            body = message.getSubject() == null ? "（无正文）" : message.getSubject();
        }
        return new ItemSubmission(channelId, id.length() > 200 ? UrlKeys.sha256(id) : id, null, message.getSubject(), body,
                sender(message), message.getSentDate() == null ? null : message.getSentDate().toInstant(), null, null, null,
                null, false, null, uploads.size() > ItemIntake.MAX_ATTACHMENTS
                        ? uploads.subList(0, ItemIntake.MAX_ATTACHMENTS) : uploads).withContact(address(message));
    }

    /** The sender as shown: the name they gave, or their address masked — the address itself is the item's contact. */
    private static String sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0) {
            return null;
        }
        if (from[0] instanceof InternetAddress a) {
            return a.getPersonal() == null || a.getPersonal().isBlank() ? Masks.email(a.getAddress()) : a.getPersonal();
        }
        return Masks.email(from[0].toString());
    }

    private static String address(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        return from == null || from.length == 0 ? null : from[0] instanceof InternetAddress a ? a.getAddress() : from[0].toString();
    }

    private static void collect(Part part, StringBuilder text, List<ItemSubmission.Upload> uploads)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multi = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                // of the alternatives, the plain text is enough
                if (alternative && child.isMimeType("text/html") && hasPlain(multi)) {
                    continue;
                }
                collect(child, text, uploads);
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                byte[] bytes = in.readNBytes((int) FileStore.MAX_BYTES + 1);
                if (FileStore.sniff(bytes) != null && bytes.length <= FileStore.MAX_BYTES) {
                    String name = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
                    uploads.add(new ItemSubmission.Upload(name, part.getContentType(), bytes));
                }
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent()).append('\n');
        } else if (part.isMimeType("text/html")) {
            text.append(PlainText.fromHtml(String.valueOf(part.getContent()))).append('\n');
        }
    }

    private static boolean hasPlain(Multipart multi) throws MessagingException {
        for (int i = 0; i < multi.getCount(); i++) {
            if (multi.getBodyPart(i).isMimeType("text/plain")) {
                return true;
            }
        }
        return false;
    }
}
