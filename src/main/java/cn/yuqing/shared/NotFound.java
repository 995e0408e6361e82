package cn.yuqing.shared;

/**
 * A record does not exist, or exists outside the reader's data scope: the two are answered alike,
 * so that a URL cannot be used to learn what another unit holds.
 */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super("未找到" + what + "，或您无权查看");
    }
}
