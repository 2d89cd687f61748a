# leadtrack の --help の日本語（英語のヘルプはコードのドキュメントコメントから clap が作る）。
#
# ID はコマンドの木の中の場所を表す（src/cli/help.rs）:
#   help                      leadtrack 自体の説明
#   help-lead-add             コマンド `lead add` の説明（階層ごとに「-」＋コマンド名）
#   help-lead-add--title      その引数・オプションの説明（「--」＋clap の引数 ID＝フィールド名、「_」もそのまま）
#   help--db                  グローバルオプションは宣言した場所（leadtrack 自体）で
#   .long                     英語に長い説明（--help で出るもの）があるところだけ
#   .after                    オプション一覧のあとの文
#   .utf-8-bom など            選べる値の説明（英語に説明がある値だけ、値の名前で）
#   clap-…                    clap 自身の言葉（使い方、見出し、-h・-V、help コマンド）
# tests/help.rs が、木のすべての場所にここの ID があり、ここの ID がすべて木の場所を指すことを確かめる。
#
# 用語は ja.ftl の用語集に合わせる: 担当者（owner）、先方担当者（リードに付いた人）、名刺、読み、
# 流入元、段階、次回アクション、放置、期限切れ。フラグ・ID・値の名前・形式名（CSV、JSON、vCard、ICS）は
# そのまま。入力例の英字（`John Smith`、設定キー `[ui] language` など）は ` で囲む。

## clap 自身の言葉
clap-usage = 使い方
clap-commands = コマンド
clap-arguments = 引数
clap-options = オプション
clap-help = ヘルプを表示
clap-help-summary = ヘルプを表示（--help で詳しく）
clap-help-long = ヘルプを表示（-h で要約）
clap-version = バージョンを表示
clap-help-command = このヘルプ、または指定したコマンドのヘルプを表示
clap-env = 環境変数
clap-default = 既定値
clap-possible-values = 指定できる値

## clap が打ち間違えたコマンドラインを断るときの言葉（src/cli/refusals.rs）。
## 先頭の「エラー：」は ja.ftl の error-line、そのあとに使い方の行と clap-error-more が続く。
## { $arg } は clap の書き方の引数（--title <TITLE>）、{ $value } は打たれた値。
clap-error-unknown-argument = 「{ $arg }」という引数はありません。
clap-error-unknown-subcommand = 「{ $command }」というコマンドはありません。
clap-error-did-you-mean = もしかして { $names } ですか？
clap-error-tip-as-value = 「{ $typed }」を値として渡すには「{ $instead }」と入力してください。
clap-error-tip-exists = 「{ $found }」ならあります。
clap-error-tip-double-dash = 「{ $command }」というコマンドがあります。使うには前の「--」を外してください。
clap-error-missing-required = 次の引数が必要です：
clap-error-missing-value = 「{ $arg }」に値がありません。
clap-error-invalid-value = 「{ $value }」は「{ $arg }」に指定できません。
clap-error-invalid-value-because = 「{ $value }」は「{ $arg }」に指定できません：{ $reason }
clap-error-not-a-number = 整数ではありません。
clap-error-empty-number = 数が空です。
clap-error-number-too-large = 数が大きすぎます。
clap-error-number-too-small = 数が小さすぎます。
clap-error-out-of-range = { $low } から { $high } までの数にしてください。
clap-error-too-many-values = 「{ $arg }」に余分な値「{ $value }」があります。
clap-error-too-few-values = 「{ $arg }」には値が { $expected } 個必要ですが、{ $actual } 個しかありません。
clap-error-wrong-number-of-values = 「{ $arg }」には値が { $expected } 個必要ですが、{ $actual } 個でした。
clap-error-used-twice = 「{ $arg }」は一度しか指定できません。
clap-error-conflict = 「{ $arg }」と「{ $other }」は一緒に指定できません。
clap-error-conflict-list = 「{ $arg }」は次の引数と一緒に指定できません：
clap-error-conflict-any = 「{ $arg }」はほかに指定した引数と一緒に指定できません。
clap-error-no-equals = 「{ $arg }」に値を渡すには「=」が必要です。
clap-error-missing-subcommand = 「{ $command }」のあとにコマンドが必要です。
clap-error-invalid-utf8 = 引数に UTF-8 でない文字があります。
clap-error-more = 詳しくは '{ $flag }' を付けて実行してください。

## leadtrack
help = 営業担当者のための、端末で使うリード管理：リード、名刺、フォロー
    .long =
        営業担当者のための、端末で使うリード管理ツールです。

        コマンドを付けずに起動すると、データベースを開いてアプリが立ち上がります。下のコマンドは同じデータベースを扱うので、スクリプトからも使えます。
    .after =
        日付：今日、明日、+3d、+2w、+1m、3日後、金曜、来週月曜、月末、12/1、2026-12-01、令和8年12月1日
        ID：他と重ならなければ、先頭の4文字以上だけでも指定できます
help--db = データベースのファイル（既定：OS のデータ用フォルダの leadtrack.db）
help--config = 設定ファイル（既定：OS の設定用フォルダの config.toml）
help--team_file = 同期フォルダで共有するチームファイル（既定：設定ファイルの `[team] file`）
help--team_server = チームサーバー。postgresql://… で始まる PostgreSQL のアドレス（既定：設定ファイルの `[team] server`）。チームファイルとは併用できません
help--lang = 表示する言語：en か ja（既定：設定ファイルの `[ui] language`、なければロケール）

## demo
help-demo = 本物らしいデモデータをデータベースに入れます
help-demo--leads = リードの件数（顧客を含む）
help-demo--contacts = 名刺の件数（既定：リード1件につき1.5件）
help-demo--activities = 活動の件数（既定：リード1件につき5件）
help-demo--seed = 乱数のシード。同じシードなら同じデータになります
help-demo--force = すでにレコードのあるデータベースにもデモデータを追加します（指定しなければ断ります）

## lead
help-lead = リードの追加・一覧・表示・変更・段階の移動・削除

help-lead-add = リードを追加し、その ID を表示します
help-lead-add--title = 案件名
help-lead-add--stage = 段階：considering（既定）、future、no_prospect、customer、またはその名前（検討段階、将来見込み…）
help-lead-add--company = 会社名
help-lead-add--source = 流入元：exhibition、website、seminar、referral、inbound_call、advertising、sns、business_card、other（設定ファイルの `[sources]` で変えられます）、またはその名前（展示会、紹介…）
help-lead-add--source_detail = 流入元の詳細（展示会の名前など）
help-lead-add--owner = 担当者（既定：自分）
help-lead-add--value = 見込み金額：1200000、1,200,000、120万
help-lead-add--next_action = 次回アクション
help-lead-add--due = 次回アクションの期日：+3d、明日、金曜、12/1、2026-12-01、3日後…
help-lead-add--tags = タグ（繰り返し指定するか、カンマか「、」で区切って複数）
help-lead-add--notes = メモ
help-lead-add--budget = 予算：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます（yes:予算確保済み）
help-lead-add--authority = 決裁権：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます
help-lead-add--need = 必要性：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます
help-lead-add--timing = 導入時期：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます

help-lead-list = リードをボードの順（段階、ランク、次回アクション日）に一覧表示します
help-lead-list--owner = この担当者のリードだけ（自分は `me`）
help-lead-list--tag = このタグの付いたリードだけ
help-lead-list--source = この流入元のリードだけ：ID かその名前（exhibition、展示会…）
help-lead-list--rank = このランクのリードだけ：A、B、C
help-lead-list--stage = この段階のリードだけ：considering、future、no_prospect、customer、またはその名前（検討段階、将来見込み…）
help-lead-list--due = 次回アクションの期日で絞り込み：overdue（期限切れ）、today（本日）、week（今週：今後7日間）、later（それより先）、none（未設定）
help-lead-list--stale = 放置リードだけ（段階ごとに決まった日数を超えて何もしていないもの）
help-lead-list--text = 案件名・会社名・メモなどにこの語句を含むリードだけ
help-lead-list--all = 顧客も含めます
help-lead-list--limit = 表示する件数の上限
help-lead-list--format = 出力形式
help-lead-list--language = CSV の見出し行：en は項目名（JSON のキーと同じ。スクリプト向け）、ja は Excel 向けの日本語の見出しで、段階・流入元・種類も日本語で書きます。`import leads` と `import cards` はどちらも読み込めます

help-lead-show = リードのすべてを表示します：項目、先方担当者、活動、スコア、段階と項目の履歴
help-lead-show--id = リードの ID
help-lead-show--format = 出力形式
help-lead-show--all = 新しい500件だけでなく、すべての活動を表示します（省いたときはその件数を表示します）

help-lead-edit = リードの項目を変更します（空の値を指定するとその項目を消します）
help-lead-edit--id = リードの ID
help-lead-edit--title = 案件名
help-lead-edit--company = 会社名
help-lead-edit--source = 流入元：exhibition、website、seminar、referral、inbound_call、advertising、sns、business_card、other（設定ファイルの `[sources]` で変えられます）、またはその名前（展示会、紹介…）
help-lead-edit--source_detail = 流入元の詳細（展示会の名前など）
help-lead-edit--owner = 担当者（既定：自分）
help-lead-edit--value = 見込み金額：1200000、1,200,000、120万
help-lead-edit--next_action = 次回アクション
help-lead-edit--due = 次回アクションの期日：+3d、明日、金曜、12/1、2026-12-01、3日後…
help-lead-edit--tags = タグ（繰り返し指定するか、カンマか「、」で区切って複数）
help-lead-edit--notes = メモ
help-lead-edit--budget = 予算：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます（yes:予算確保済み）
help-lead-edit--authority = 決裁権：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます
help-lead-edit--need = 必要性：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます
help-lead-edit--timing = 導入時期：yes、no、unknown（はい・いいえ・不明でも可）。「:メモ」を続けられます

help-lead-move = リードを別の段階へ移します（considering、future、no_prospect、customer、またはその名前：検討段階、将来見込み…）
help-lead-move--id = リードの ID
help-lead-move--stage = 移す先の段階

help-lead-won = リードを受注にします：顧客になります
help-lead-won--id = リードの ID

help-lead-delete = リードを削除します（チームのコピーと食い違わないよう、削除した印を残します）
help-lead-delete--id = リードの ID

help-lead-unlink = リードから先方担当者を外します
help-lead-unlink--id = リードの ID
help-lead-unlink--contact = 外す先方担当者の名刺 ID（他と重ならない先頭部分でも可）

help-lead-link = リードに先方担当者を役割つきで付けます（すでに付いている人は役割が変わります）
help-lead-link--id = リードの ID
help-lead-link--contact_id = 付ける先方担当者の名刺 ID
help-lead-link--role = 役割：decision_maker、influencer、user、gatekeeper、other、またはその名前（決裁者、窓口…）

## contact
help-contact = 名刺の追加・一覧・表示・変更・削除

help-contact-add = 名刺を追加し、その ID を表示します
help-contact-add--name = 氏名。空白で姓と名に分けます：「佐藤 花子」は姓・名の順、`John Smith` は名・姓の順
help-contact-add--reading = 氏名の読み。同じように空白で分けます（さとう はなこ）
help-contact-add--family_name = 姓
help-contact-add--given_name = 名
help-contact-add--family_reading = 姓の読み
help-contact-add--given_reading = 名の読み
help-contact-add--company = 会社名
help-contact-add--company_reading = 会社名の読み
help-contact-add--department = 部署
help-contact-add--title = 役職
help-contact-add--email = 主に使うメールアドレス。変更では、名刺にあるアドレスを指定するとそれが主になり（前のものも残ります）、新しいアドレスは主のものと入れ替わります（前のものは履歴に残ります）。`''` で消します
help-contact-add--phone = 主に使う会社の電話番号（変更では主の番号と入れ替わります）
help-contact-add--mobile = 主に使う携帯番号
help-contact-add--fax = 主に使う FAX 番号
help-contact-add--add_emails = メールアドレスをもう1つ追加します。仕事用でなければ種類を括弧で：`hanako@example.jp (home)`
help-contact-add--add_phones = 電話番号をもう1つ追加します。種類を括弧で：`03-1111-2222 (home)`、`090-1111-2222 (mobile)`
help-contact-add--remove_emails = メールアドレスを外します（履歴に残ります）
help-contact-add--remove_phones = 電話番号を外します。書き方が違っても同じ番号なら外れます（履歴に残ります）
help-contact-add--postal_code = 郵便番号
help-contact-add--address = 住所
help-contact-add--url = URL
help-contact-add--exchanged_on = 名刺交換の日（日付：2026-11-20、昨日、11/20…）
help-contact-add--exchanged_at = 名刺交換したイベントや場所
help-contact-add--exchanged_by = 名刺を受け取った担当者
help-contact-add--notes = メモ
help-contact-add--tags = タグ（繰り返し指定するか、カンマか「、」で区切って複数）

help-contact-list = 名刺を読みの順に一覧表示します
help-contact-list--company = この会社名の名刺だけ（完全一致）
help-contact-list--limit = 表示する件数の上限
help-contact-list--format = 出力形式

help-contact-show = 名刺と、その人が付いているリード、活動、履歴を表示します
help-contact-show--id = 名刺の ID
help-contact-show--format = 出力形式

help-contact-edit = 名刺の項目を変更します（空の値を指定するとその項目を消します）
help-contact-edit--id = 名刺の ID
help-contact-edit--name = 氏名。空白で姓と名に分けます：「佐藤 花子」は姓・名の順、`John Smith` は名・姓の順
help-contact-edit--reading = 氏名の読み。同じように空白で分けます（さとう はなこ）
help-contact-edit--family_name = 姓
help-contact-edit--given_name = 名
help-contact-edit--family_reading = 姓の読み
help-contact-edit--given_reading = 名の読み
help-contact-edit--company = 会社名
help-contact-edit--company_reading = 会社名の読み
help-contact-edit--department = 部署
help-contact-edit--title = 役職
help-contact-edit--email = 主に使うメールアドレス。変更では、名刺にあるアドレスを指定するとそれが主になり（前のものも残ります）、新しいアドレスは主のものと入れ替わります（前のものは履歴に残ります）。`''` で消します
help-contact-edit--phone = 主に使う会社の電話番号（変更では主の番号と入れ替わります）
help-contact-edit--mobile = 主に使う携帯番号
help-contact-edit--fax = 主に使う FAX 番号
help-contact-edit--add_emails = メールアドレスをもう1つ追加します。仕事用でなければ種類を括弧で：`hanako@example.jp (home)`
help-contact-edit--add_phones = 電話番号をもう1つ追加します。種類を括弧で：`03-1111-2222 (home)`、`090-1111-2222 (mobile)`
help-contact-edit--remove_emails = メールアドレスを外します（履歴に残ります）
help-contact-edit--remove_phones = 電話番号を外します。書き方が違っても同じ番号なら外れます（履歴に残ります）
help-contact-edit--postal_code = 郵便番号
help-contact-edit--address = 住所
help-contact-edit--url = URL
help-contact-edit--exchanged_on = 名刺交換の日（日付：2026-11-20、昨日、11/20…）
help-contact-edit--exchanged_at = 名刺交換したイベントや場所
help-contact-edit--exchanged_by = 名刺を受け取った担当者
help-contact-edit--notes = メモ
help-contact-edit--tags = タグ（繰り返し指定するか、カンマか「、」で区切って複数）

help-contact-delete = 名刺を削除します（チームのコピーと食い違わないよう、削除した印を残します。アプリでは `u` で取り消せます）
help-contact-delete--id = 名刺の ID
help-contact-delete--purge = 削除ではなく、この人をデータベースファイルから完全に消去します：名刺、その履歴、リードとの紐付け、検索用の索引をディスク上で上書きします。活動は相手なしでリードに残ります。元に戻せません。チームのコピーでも次の同期で消去されます

## import
help-import = 名刺やリードを CSV・vCard ファイルから取り込みます

help-import-cards = 名刺アプリの CSV（Eight、Sansan、Excel。UTF-8 か Shift_JIS）や vCard ファイル（2.1、3.0、4.0）から名刺を取り込みます。同じ人を二重に登録することはありません
help-import-cards--files = ファイルを1つ、または複数（`a.csv b.vcf`）。すべてを読んで確かめてから書き込み始め、指定した順にファイルごとに1つのトランザクションで取り込むので、2つのファイルにいる同じ人は1枚の名刺になります。JSON の報告は1つ、複数のファイルならその配列（それぞれにファイル名が入ります）。--dry-run ではファイルごとに試します
help-import-cards--format = csv か vcard。auto は中身で判断します
    .auto = 中身で判断：`BEGIN:VCARD` で始まるファイルは vCard、それ以外は CSV
help-import-cards--encoding = 文字コード
    .auto = バイト列が正しい UTF-8 なら UTF-8（BOM は取り除きます）、そうでなければ Shift_JIS
    .windows-1252 = 欧文 Windows のコードページ（英語版 Windows の Outlook が書き出す CSV）
help-import-cards--maps = 見出しから分からない列を項目に割り当てます：`見出し=項目`（`勤務先=company` など。複数なら繰り返し指定）
help-import-cards--dry_run = どうなるかを報告するだけで、何も書き込みません
help-import-cards--report = 報告の形式

help-import-leads = CSV ファイルからリードを取り込みます（案件名、会社名、段階、流入元、担当者、金額、次回アクション…）
help-import-leads--file = 取り込む CSV ファイル
help-import-leads--encoding = 文字コード
    .auto = バイト列が正しい UTF-8 なら UTF-8（BOM は取り除きます）、そうでなければ Shift_JIS
    .windows-1252 = 欧文 Windows のコードページ（英語版 Windows の Outlook が書き出す CSV）
help-import-leads--maps = 見出しから分からない列を項目に割り当てます：`見出し=項目`（`案件=title` など。複数なら繰り返し指定）
help-import-leads--dry_run = どうなるかを報告するだけで、何も書き込みません
help-import-leads--report = 報告の形式

help-import-mail = メールを `email` の活動として、差出人・宛先の先方担当者（とその進行中のリード）に記録します：1通（ファイル、または mutt の `pipe-message` や aerc の `:pipe` が渡す標準入力）、mbox、Maildir のどれか。一度取り込んだメールは二重に記録しません
help-import-mail--source = メールのファイル、mbox、Maildir のフォルダ、または標準入力なら -
help-import-mail--lead = 差出人・宛先にかかわらず、すべてのメールをこのリードに記録します
help-import-mail--dry_run = 記録される内容を表示するだけで、何も書き込みません
help-import-mail--report = 報告の形式

## export
help-export = 名刺・リード・活動を CSV・JSON・vCard で書き出します

help-export-contacts = 名刺を CSV・JSON・vCard（4.0、または --vcard-version 3 で 3.0）で書き出します
help-export-contacts--format = 出力形式
help-export-contacts--encoding = CSV の文字コード（既定：設定ファイルの `[export] encoding`）
    .utf-8-bom = BOM 付きの UTF-8：Windows の Excel で文字化けせずに開けます
    .shift_jis = Shift_JIS（CP932）。古い日本語版 Excel 向け
help-export-contacts--vcard_version = vCard のバージョン：4（既定）か 3
help-export-contacts--raw = 表計算ソフトが数式として実行してしまうセルも、保存されたとおりに書き出します
help-export-contacts--language = CSV の見出し行：en は項目名（JSON のキーと同じ。スクリプト向け）、ja は Excel 向けの日本語の見出しで、段階・流入元・種類も日本語で書きます。`import leads` と `import cards` はどちらも読み込めます
help-export-contacts--output = 標準出力ではなく、このファイルに書き出します

help-export-leads = リード（顧客を含む）を CSV か JSON で書き出します
help-export-leads--format = 出力形式
help-export-leads--encoding = CSV の文字コード（既定：設定ファイルの `[export] encoding`）
    .utf-8-bom = BOM 付きの UTF-8：Windows の Excel で文字化けせずに開けます
    .shift_jis = Shift_JIS（CP932）。古い日本語版 Excel 向け
help-export-leads--vcard_version = vCard のバージョン：4（既定）か 3
help-export-leads--raw = 表計算ソフトが数式として実行してしまうセルも、保存されたとおりに書き出します
help-export-leads--language = CSV の見出し行：en は項目名（JSON のキーと同じ。スクリプト向け）、ja は Excel 向けの日本語の見出しで、段階・流入元・種類も日本語で書きます。`import leads` と `import cards` はどちらも読み込めます
help-export-leads--output = 標準出力ではなく、このファイルに書き出します

help-export-activities = 活動を CSV か JSON で書き出します
help-export-activities--format = 出力形式
help-export-activities--encoding = CSV の文字コード（既定：設定ファイルの `[export] encoding`）
    .utf-8-bom = BOM 付きの UTF-8：Windows の Excel で文字化けせずに開けます
    .shift_jis = Shift_JIS（CP932）。古い日本語版 Excel 向け
help-export-activities--vcard_version = vCard のバージョン：4（既定）か 3
help-export-activities--raw = 表計算ソフトが数式として実行してしまうセルも、保存されたとおりに書き出します
help-export-activities--language = CSV の見出し行：en は項目名（JSON のキーと同じ。スクリプト向け）、ja は Excel 向けの日本語の見出しで、段階・流入元・種類も日本語で書きます。`import leads` と `import cards` はどちらも読み込めます
help-export-activities--output = 標準出力ではなく、このファイルに書き出します

help-export-followups = フォロー一覧を書き出します：Excel 向けの CSV、JSON、カレンダー向けの ICS、チャット向けの Markdown
help-export-followups--within = 期日がこの日数以内のものだけ（期限切れは必ず含みます。次回アクションのないリードも載せます。ただしカレンダーには入れません）
help-export-followups--owner = この担当者のリードだけ（自分は `me`）
help-export-followups--tag = このタグの付いたリードだけ
help-export-followups--source = この流入元のリードだけ：ID かその名前（exhibition、展示会…）
help-export-followups--rank = このランクのリードだけ：A、B、C
help-export-followups--stage = この段階のリードだけ：considering、future、no_prospect、customer、またはその名前（検討段階、将来見込み…）
help-export-followups--due = 次回アクションの期日で絞り込み：overdue（期限切れ）、today（本日）、week（今週：今後7日間）、later（それより先）、none（未設定）
help-export-followups--stale = 放置リードだけ（段階ごとに決まった日数を超えて何もしていないもの）
help-export-followups--text = 案件名・会社名・メモなどにこの語句を含むリードだけ
help-export-followups--format = 出力形式
help-export-followups--encoding = CSV の文字コード（既定：設定ファイルの `[export] encoding`）
    .utf-8-bom = BOM 付きの UTF-8：Windows の Excel で文字化けせずに開けます
    .shift_jis = Shift_JIS（CP932）。古い日本語版 Excel 向け
help-export-followups--raw = 表計算ソフトが数式として実行してしまうセルも、保存されたとおりに書き出します
help-export-followups--language = CSV の見出し行：en は項目名（JSON のキーと同じ。スクリプト向け）、ja は Excel 向けの日本語の見出しで、段階・流入元・種類も日本語で書きます。`import leads` と `import cards` はどちらも読み込めます
help-export-followups--output = 標準出力ではなく、このファイルに書き出します

## dedupe
help-dedupe = 同じ人らしい名刺を探します。--apply で統合します
help-dedupe--apply = 組ごとに統合します：古いほうの名刺を残し、もう一方の値・活動・リードをまとめます。置き換えた値はすべて履歴に残ります
help-dedupe--limit = 調べる組の数の上限
help-dedupe--format = 出力形式

## log
help-log = 活動（電話、商談、メール、メモ…）を次回アクションとあわせて記録します
help-log--kind = 種類：call、meeting、email、web_visit、document_request、newsletter_signup、seminar、inquiry、note、またはその名前（電話、商談、資料請求…）
help-log--lead = リードの ID（他と重ならない先頭部分でも可）
help-log--contact = 先方担当者の名刺 ID（他と重ならない先頭部分でも可）
help-log--summary = 何があったかを1行で
help-log--body = 詳しいメモ
help-log--at = 日時（既定：今）：2026-11-20 14:00、昨日 15:30…
help-log--duration = かかった時間（分）
help-log--direction = inbound か outbound（受信・発信でも可）
help-log--next_action = リードの次回アクション
help-log--due = 次回アクションの期日：+3d、明日、金曜、12/1、3日後…

## activity
help-activity = リードの活動を一覧表示し、記録した活動を変更・削除します

help-activity-list = リードの活動を新しい順に表示します
help-activity-list--lead = リードの ID（他と重ならない先頭部分でも可）
help-activity-list--format = 出力形式

help-activity-edit = 記録した活動を変更します。指定したオプションだけが変わります
help-activity-edit--id = 活動の ID（他と重ならない先頭部分でも可）
help-activity-edit--kind = 種類：call、meeting、email、web_visit、document_request、newsletter_signup、seminar、inquiry、note、またはその名前（電話、商談、資料請求…）
help-activity-edit--at = 日時：2026-11-20 14:00、昨日 15:30…
help-activity-edit--summary = 何があったかを1行で
help-activity-edit--body = 詳しいメモ（空で消します）
help-activity-edit--contact = 相手の先方担当者の名刺 ID（他と重ならない先頭部分でも可。空で外します）
help-activity-edit--duration = かかった時間（分。空で消します）
help-activity-edit--direction = inbound か outbound（受信・発信でも可。空で消します）

help-activity-delete = 記録した活動を削除します（チームのコピーと食い違わないよう、削除した印を残します）
help-activity-delete--id = 活動の ID

## search
help-search = 名前・読み・会社名の一部から、リード・名刺・活動を探します
help-search--query = 名前・読み・会社名・案件名・概要の一部（全角と半角、大文字と小文字、ひらがなとカタカナの違いは区別しません）
help-search--limit = 種類ごとに表示する件数の上限
help-search--format = 出力形式

## stats
help-stats = ファネル分析：段階、段階の移り変わり、流入元、担当者、受注したリードへの働きかけ
help-stats--since = 段階の移り変わり・流入元・担当者・受注をこの日から数えます（既定：90日前）
help-stats--until = この日まで（この日を含む）数えます（既定：今日）
help-stats--format = 出力形式

## sync・merge
help-sync = チームと1回同期します：チームファイル（取り込み、競合したコピーも取り込んでから公開）またはチームサーバー（ここでの変更を送り、ほかの担当者の変更を取り込む）
help-team = チームサーバーの準備（`team init`）、チームファイルのデータのサーバーへの移行（`team migrate`）、新しい担当者が始めるスナップショットの公開（`team snapshot`）
help-team-init = チームサーバーのテーブルを作成・更新し、チームのグループロールに許可します（データベースの所有者として実行）
help-team-init--group = チームの担当者が属するグループロール
help-team-init--format = 出力形式
help-team-migrate = チームファイルの内容をすべて、ID・作成者・履歴ごとチームサーバーへ送ります（データベースの所有者として実行。もう一度実行しても何も増えません）
help-team-migrate--from = サーバーへ移すチームファイル
help-team-migrate--format = 出力形式
help-team-snapshot = このデータベースをチームサーバーと同期してから、その写しをチームのスナップショットとして公開します。新しい担当者はここから始め、その後の変更だけを取り込みます（データベースの所有者として、たとえば毎晩実行）
help-team-snapshot--format = 出力形式
help-sync--format = 出力形式

help-merge = 別の leadtrack データベースをこのデータベースに統合します（同期と同じ規則で）
help-merge--other = 別の leadtrack データベース（同僚のコピー、バックアップ、チームファイル）
help-merge--format = 出力形式

## check・backup・config
help-check = 設定とデータベースを確認します：整合性、スキーマのバージョン、件数
help-check--format = 出力形式

help-backup = データベースの、整合のとれたコピーを書き出します
help-backup--file = コピーの書き出し先（まだないファイル）

help-config = 設定ファイルとデータベースの場所の表示、最初の設定ファイルの作成、確認
help-config-path = 設定ファイルとデータベースの場所を表示します（まだなくても表示します）
help-config-init = コメント付きの設定ファイルの例を、leadtrack が読む場所に書きます。あるファイルは上書きしません
help-config-check = 設定とデータベースを確認します：`leadtrack check` と同じです
help-config-check--format = 出力形式

## completions・man
help-completions = シェルの補完スクリプトを出力します（bash、zsh、fish、elvish、powershell）
help-completions--shell = 補完するシェル

help-man = man ページ（roff）を出力します：`leadtrack man > leadtrack.1`

# キャンペーン・目標
help-campaign = キャンペーン（展示会、セミナー、メルマガ…）と、費用に対して何をもたらしたか
help-campaign-add = キャンペーンを追加し、その ID を表示します
help-campaign-add--name = キャンペーンの名前
help-campaign-add--kind = 種類：exhibition、seminar、webinar、newsletter、advertising、direct_mail、other、またはその名前（展示会、セミナー、メルマガ…）
help-campaign-add--start = 開始日：2026-12-01、12/1、明日…
help-campaign-add--end = 終了日
help-campaign-add--cost = 費用（円）：300000、300,000、30万
help-campaign-add--owner = 担当者（既定：自分）
help-campaign-add--notes = メモ
help-campaign-list = すべてのキャンペーンとその効果を並べて表示します：獲得リード、検討段階へ、受注、リード単価、受注単価、投資対効果
help-campaign-list--window = キャンペーンが最初にリードに届いてから何日間の動きを数えるか
help-campaign-list--format = 出力形式：table（表）か json
help-campaign-show = キャンペーン 1 件とその効果：獲得・接触したリードと人、反応、その後どこまで進んだか
help-campaign-show--campaign = キャンペーン：名前か ID の先頭部分
help-campaign-show--window = キャンペーンが最初にリードに届いてから何日間の動きを数えるか
help-campaign-show--format = 出力形式：table（表）か json
help-campaign-edit = キャンペーンを変更します（空の値はその項目を消します）
help-campaign-edit--campaign = キャンペーン：名前か ID の先頭部分
help-campaign-edit--name = キャンペーンの名前
help-campaign-edit--kind = 種類：exhibition、seminar、webinar、newsletter、advertising、direct_mail、other、またはその名前（展示会、セミナー、メルマガ…）
help-campaign-edit--start = 開始日：2026-12-01、12/1、明日…
help-campaign-edit--end = 終了日
help-campaign-edit--cost = 費用（円）：300000、300,000、30万
help-campaign-edit--owner = 担当者
help-campaign-edit--notes = メモ
help-campaign-delete = キャンペーンを削除します（そのリードと活動は引き続きキャンペーンを指します）
help-campaign-delete--campaign = キャンペーン：名前か ID の先頭部分
help-lead-add--campaign = 獲得元のキャンペーン：名前か ID（空で消します）
help-lead-add--upsell = アップセル（既存顧客との新しい案件）として記録します。指定しなければ、すでに顧客の会社なら自動で付きます
help-lead-add--no_upsell = アップセルではないとして記録します
help-lead-edit--campaign = 獲得元のキャンペーン：名前か ID（空で消します）
help-lead-edit--upsell = アップセル（既存顧客との新しい案件）にします
help-lead-edit--no_upsell = アップセルではないことにします
help-lead-list--campaign = このキャンペーンから獲得したリードだけ：名前か ID
help-export-followups--campaign = このキャンペーンから獲得したリードだけ：名前か ID
help-log--campaign = 活動が属するキャンペーン（参加したセミナー、反応したメルマガ）：名前か ID
help-activity-edit--campaign = 活動が属するキャンペーン：名前か ID（空で消します）
help-goal = 月か四半期ごとの段階目標（新規リード、検討段階へ、商談、受注、受注額）を、チームか担当者ごとに、ペースとともに
help-goal-set = 月か四半期の目標値を設定します（同じ期間・項目・担当者なら目標値を変えます）
help-goal-set--period = 期間：月（2026-12）か四半期（2026-Q4）
help-goal-set--metric = 項目：new_leads、to_considering、meetings、wins、won_value、またはその名前（受注…）
help-goal-set--target = 目標値：件数、または won_value なら金額（1200000、120万）
help-goal-set--owner = 目標の担当者（自分なら `me`）。指定しなければチームの目標
help-goal-list = 目標と、これまでの実績とペース
help-goal-list--period = この月か四半期だけ
help-goal-list--format = 出力形式：table（表）か json
help-goal-delete = 目標を削除します
help-goal-delete--id = 目標（`goal list` に出る ID の先頭部分）

## segment・配信停止
help-segment = ナーチャリング用のセグメント：名前を付けて保存した絞り込み条件。`export contacts --segment` でその人たちをメール配信ツール向けに書き出します
help-segment-add = 絞り込み条件（1つ以上）を名前を付けて保存します。同じ名前のセグメントがあれば条件を置き換えます
help-segment-add--name = セグメントの名前
help-segment-add--owner = この担当者のリードだけ（自分は `me`）
help-segment-add--tag = このタグの付いたリードだけ
help-segment-add--source = この流入元のリードだけ：ID かその名前（exhibition、展示会…）
help-segment-add--rank = このランクのリードだけ：A、B、C
help-segment-add--stage = この段階のリードだけ：considering、future、no_prospect、customer、またはその名前（検討段階、将来見込み…）
help-segment-add--campaign = このキャンペーンから来たリードだけ：名前か ID
help-segment-add--quiet_days = この日数を超えて何もしていない（最後の活動から、活動がなければ作成から）リードだけ
help-segment-list = すべてのセグメントとその条件
help-segment-list--format = 出力形式：table（表）か json
help-segment-delete = セグメントを削除します（そこに入っていたリードや名刺はそのままです）
help-segment-delete--name = セグメントの名前
help-export-contacts--segment = このセグメントの人だけを、メール配信ツール向けの CSV で書き出します：メールアドレス、氏名、ふりがな、会社名、リード、ランク。配信停止の人とメールアドレスのない人は除き、その人数を表示します
help-contact-edit--no_mail = 本人から配信停止の申し出があったことを記録します。セグメントの書き出しから除かれます
help-contact-edit--no_mail_on = 配信停止を申し出た日（既定：今日）。--no-mail も指定したことになります
help-contact-edit--mail = 配信停止を解除し、またメールを送れるようにします
