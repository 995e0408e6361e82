package cn.yuqing.organisation.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import javax.imageio.ImageIO;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SecondFactors;
import cn.yuqing.organisation.SignedInPerson;
import cn.yuqing.shared.DomainRuleViolation;
import cn.yuqing.shared.Flash;

import static cn.yuqing.organisation.Accounts.signedIn;

/**
 * The second factor's pages, made for a phone: binding it (a QR code to scan, the secret to type if
 * the camera fails, a first code to confirm, the recovery codes shown once) and the sign-in's second
 * step. Five wrong codes in a row end the sign-in; wrong codes count towards the account's lock-out
 * as wrong passwords do.
 */
@Controller
class SecondFactorController {

    static final int ATTEMPTS = 5;
    private static final String FAILURES = "yuqing.secondFactorFailures";

    private final SecondFactors factors;
    private final Accounts accounts;

    SecondFactorController(SecondFactors factors, Accounts accounts) {
        this.factors = factors;
        this.accounts = accounts;
    }

    @GetMapping("/sign-in/second-factor")
    @PreAuthorize("isAuthenticated()")
    String step() {
        return "account/second-factor-step";
    }

    @PostMapping("/sign-in/second-factor")
    @PreAuthorize("isAuthenticated()")
    String verify(@RequestParam(defaultValue = "") String code, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        HttpSession session = request.getSession();
        if (factors.verify(signedIn().personId(), code)) {
            request.changeSessionId();
            session.setAttribute(SecondFactors.PASSED, Boolean.TRUE);
            session.removeAttribute(FAILURES);
            return "redirect:/";
        }
        if (factors.lockedOut(signedIn().personId())) {
            session.invalidate();
            return "redirect:/login?error=locked";
        }
        int failures = session.getAttribute(FAILURES) instanceof Integer n ? n + 1 : 1;
        if (failures >= ATTEMPTS) {
            session.invalidate();
            return "redirect:/login?error=second-factor";
        }
        session.setAttribute(FAILURES, failures);
        response.setStatus(422);
        model.addAttribute("error", "动态口令不正确（还可再试" + (ATTEMPTS - failures) + "次）。请核对手机时间，或输入一个恢复码。");
        return "account/second-factor-step";
    }

    @GetMapping("/account/second-factor")
    @PreAuthorize("isAuthenticated()")
    String enrolment(Model model) {
        SignedInPerson me = signedIn();
        if (me.secondFactorEnabled()) {
            model.addAttribute("recoveryCodesLeft", factors.recoveryCodesLeft(me.personId()));
            return "account/second-factor";
        }
        var enrolment = factors.pending(me.personId()).orElseGet(() -> factors.start(me.personId()));
        model.addAttribute("secret", enrolment.secret().replaceAll("(.{4})", "$1 ").strip());
        model.addAttribute("qr", qr(enrolment.uri()));
        return "account/second-factor";
    }

    @PostMapping("/account/second-factor")
    @PreAuthorize("isAuthenticated()")
    String confirm(@RequestParam(defaultValue = "") String code, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        SignedInPerson me = signedIn();
        try {
            model.addAttribute("recoveryCodes", factors.confirm(me.personId(), code));
        } catch (DomainRuleViolation e) {
            response.setStatus(422);
            model.addAttribute("error", e.describe());
            return enrolment(model);
        }
        // the first code proved the phone: this session has passed the second factor
        request.getSession().setAttribute(SecondFactors.PASSED, Boolean.TRUE);
        FreshPrincipal.replace(accounts, me.getUsername(), request, response);
        return "account/second-factor-done";
    }

    @PostMapping("/account/second-factor/remove")
    @PreAuthorize("isAuthenticated()")
    String remove(RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        SignedInPerson me = signedIn();
        if (Flash.attempt(redirect, "已关闭动态口令", () -> factors.remove(me.personId()))) {
            FreshPrincipal.replace(accounts, me.getUsername(), request, response);
        }
        return "redirect:/account/second-factor";
    }

    /** The QR code as a PNG in the page itself: no script, no outside service sees the secret. */
    private static String qr(String uri) {
        try {
            BitMatrix m = new QRCodeWriter().encode(uri, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 2));
            BufferedImage image = new BufferedImage(m.getWidth(), m.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    image.setRGB(x, y, m.get(x, y) ? 0x000000 : 0xFFFFFF);
                }
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        } catch (WriterException | IOException e) {
            throw new IllegalStateException("QR code", e);
        }
    }
}
