package cn.yuqing.intake.web;

import cn.yuqing.organisation.Accounts;
import cn.yuqing.organisation.SignedInPerson;

final class Me {

    private Me() {
    }

    static SignedInPerson get() {
        return Accounts.current().orElseThrow();
    }
}
