#pragma once
// The operator's filter of the task table: the tasks of one site, and a text found,
// case-insensitively, in a task's id, name, site (id or shown name) or tenant.
//
// A million tasks share some 10,000 sites and a few dozen tenants: each distinct site and tenant
// is judged once, and a task's own id and name are looked at only where those do not decide.

#include <QString>
#include <QStringView>

#include <vector>

namespace cpn {

class TaskTableModel;

class TaskMatcher {
public:
    void setModel(const TaskTableModel* tasks);

    // Only tasks on this site; empty = every site. False if nothing changed.
    bool setSite(const QString& siteId);
    QString site() const { return m_siteId; }
    // Only tasks of this platform; empty = every platform. False if nothing changed.
    bool setPlatform(const QString& platform);
    QString platform() const { return m_platform; }
    // Surrounding spaces are ignored. False if nothing changed.
    bool setText(const QString& text);
    QString text() const { return m_text; }
    // The last change can only have hidden rows (more of the same text typed, a site chosen
    // where there was none): only the rows still shown need judging.
    bool lastChangeNarrowed() const { return m_narrowed; }
    bool isActive() const { return !m_siteId.isEmpty() || !m_text.isEmpty() || !m_platform.isEmpty(); }

    bool accepts(int sourceRow) const;
    // Site names or the language changed: judge every site and tenant again.
    void forgetVerdicts();

private:
    // A site's or tenant's verdict; ByTask: the task's id and name decide.
    enum Verdict : signed char { Unjudged = -1, Hidden, Shown, ByTask };
    static char16_t fold(char16_t c)
    {
        if (c < 0x80)
            return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        return char16_t(QChar::toCaseFolded(char32_t(c)));
    }
    bool contains(QStringView text) const;
    signed char siteVerdict(int key) const;
    signed char tenantVerdict(int key) const;

    const TaskTableModel* m_tasks = nullptr;
    QString m_siteId;
    QString m_platform;
    QString m_text;
    QString m_folded; // m_text case-folded, a code unit at a time
    bool m_narrowed = false;
    // By key of TaskTableModel::siteIds() and tenants(); judged when first met.
    mutable std::vector<signed char> m_siteVerdicts;
    mutable std::vector<signed char> m_tenantVerdicts;
};

} // namespace cpn
