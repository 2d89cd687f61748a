# leadtrack の日本語の言葉。ID は英語カタログと同じ。
#
# 用語集（画面・CLI・エラーで同じ言葉を使う）
#   considering 検討段階 / future 将来見込み / no prospect 見込みなし / customer 顧客
#   next action 次回アクション / overdue 期限切れ / today 本日（一覧の見出しは「今日」）
#   this week 今週 / stale 放置 / owner 担当者 / business card 名刺 / reading 読み
#   meeting 商談 / call 電話 / document request 資料請求 / source 流入元 / rank ランク
#   lead リード / contact 先方担当者（名刺の人。owner の「担当者」と区別する） / activity 活動 / follow-up フォロー
#   filter 絞り込み / undo 取り消す / redo やり直す / tag タグ / value 金額

## 画面（タブ）
view-board = ボード
view-followups = フォロー
view-contacts = 名刺
view-activities = 活動
view-customers = 顧客
view-stats = 統計

## キー：? ヘルプでの説明
key-quit = 終了
key-help = この画面のキー一覧
key-search = リード・名刺・活動を検索
key-next-view = 次の画面
key-prev-view = 前の画面
key-view-board = ボード
key-view-followups = フォロー
key-view-contacts = 名刺
key-view-activities = 活動
key-view-customers = 顧客
key-view-stats = 統計
key-undo = 直前の変更を取り消す
key-redo = 取り消した変更をやり直す
key-up = 上へ
key-down = 下へ
key-left = 左の列へ
key-right = 右の列へ
key-top = 先頭へ
key-bottom = 末尾へ
key-page-up = 前のページ
key-page-down = 次のページ
key-open = 開く
key-back = 戻る
key-move-left = リードを前の段階へ移す
key-move-right = リードを次の段階へ移す
key-won = 受注にする（顧客へ）
key-delete = 削除（確認あり）
key-add = 追加
key-edit = 編集
key-log-call = 電話を記録
key-log-meeting = 商談を記録
key-log-note = メモを追加
key-log-activity = 種類を選んで活動を記録
key-link-contact = リードに先方担当者を付ける／名刺をリードに付ける
key-next-item = 先方担当者・活動を選ぶ（e・d・R で操作）
key-prev-item = 前の先方担当者・活動を選ぶ
key-change-role = 選んだ先方担当者の役割を次へ
key-dedupe = 重複らしい名刺を確認（統合かスキップ）
key-sort = 並べ替え：ランク・次回アクション日・金額・放置の長い順
key-stale-only = 放置リードだけ表示／全部に戻す
key-owner-filter = 全員・自分・担当者ごとに表示
key-filter = 絞り込み：語句・タグ・担当者・流入元・ランク・段階・期日
key-clear-filters = 絞り込みをすべて解除
key-reschedule = 次回アクションの日付を変える
key-stats-period = 集計期間を切り替え：今月・先月・四半期・90日・全期間
key-toggle-score = スコアの内訳を開く／1行にたたむ
key-save = 保存
key-next-field = 次の項目
key-prev-field = 前の項目
key-external-editor = この項目を $EDITOR で編集
key-clear-field = この項目を空にする
key-cancel = キャンセル
key-confirm-yes = はい（確認で）
key-confirm-no = いいえ（確認で）
key-search-next = 次の結果
key-search-previous = 前の結果
key-search-close = 検索を閉じる
key-merge-pair = 表示中の2件を統合
key-skip-pair = 表示中の2件をスキップ
key-stop-review = 重複の確認をやめる

## ヒントバー
hint-column = 列
hint-card = カード
hint-move = 移動
hint-open = 開く
hint-call = 電話
hint-meeting = 商談
hint-add = 追加
hint-search = 検索
hint-filter = 絞り込み
hint-undo = 取消
hint-back = 戻る
hint-scroll = スクロール
hint-note = メモ
hint-edit = 編集
hint-contact = 先方
hint-select = 選択
hint-score = スコア
hint-lead = リード
hint-period = 期間
hint-next-view = 次の画面
hint-delete = 削除
hint-go-to = 移動
hint-close = 閉じる

## いまの場所（? ヘルプの見出し）
context-board = ボード
context-lead-list = リード一覧
context-contacts = 名刺
context-activities = 活動
context-stats = 統計
context-detail = リード詳細
context-form = フォーム
context-search = 検索
context-confirm = 確認
context-help = ヘルプ
context-dedupe = 重複の確認

## ? ヘルプ
help-title = キー一覧 — { $place }
help-scroll = { $down }/{ $up } スクロール
help-closes = { $key } で閉じる
help-rebind = キーは設定ファイルの [keys] で変えられます。
tab-help = { $key } ヘルプ

## 件数
leads-count = { $count }件

## ステータス行
status-overdue-mine = 期限切れ { $overdue }件（自分）
status-overdue-today-mine = 期限切れ { $overdue }件・本日 { $today }件（自分）
status-team-overdue = チーム { $count }件
status-syncing = 同期中…
status-synced = { $at } に同期
status-set-name-in = （{ $path } の [user] name で設定）
status-set-name = （設定ファイルの [user] name で設定）

## 一覧とカードの次回アクション日
due-none = 次回未設定
due-today = 本日
due-tomorrow = 明日
due-late = { $date } { $days }日超過

## リードの表：フォローと顧客
col-bucket-due = 区分 / 期日
col-rank = R
col-lead = リード
col-company = 会社
col-owner = 担当者
col-next-action = 次回アクション
col-customer = 顧客
col-value = 金額
col-next = 次回
row-late = { $days }日超過
mark-stale = 放置
followups-empty = フォローするリードはありません。
customers-empty = 顧客はまだいません。リードで w を押すと受注になります。

## ボード
order-rank = ランク順
order-due = 次回アクション日順
order-value = 金額順
order-quiet = 放置の長い順
column-shown-of = { $all }件中 { $shown }
column-none-match = 条件に合うリードなし
column-empty-add = リードなし — a で追加
column-empty = リードなし
welcome-the-config = 設定ファイル
welcome-title = リードはまだありません。始めるには:
welcome-add = リードを追加
welcome-import = 名刺 (CSV・vCard) をシェルから取り込む:
welcome-demo = デモデータで試す (別のデータベースで):
welcome-name-set = 変更の記録に使う名前: { $name } ({ $config } の [user] name)
welcome-set-name = 名前 (今は「{ $name }」) を { $config } で設定:
welcome-example-name = 山田 太郎

## 名刺：一覧とカード
col-name = 氏名
col-reading = 読み
contacts-empty = 名刺はまだありません。a で追加します。
card-more-lines = …あと{ $count }行: e で全項目
card-email = メール
card-phone = 電話
card-mobile = 携帯
card-fax = FAX
card-other-number = 他の番号
card-address = 住所
card-also-at = 兼務先
card-met-at = 交換場所
card-met-on = 交換日
card-changed = 更新
card-changed-by = { $when }（{ $who }）
card-leads = リード
card-no-lead = どのリードにも付いていません
card-activities = 活動

## 活動
col-when = 日時
col-kind = 種類
col-summary = 内容
col-with = 相手
col-by = 記録者
activities-empty = 活動はまだありません。リードで c を押すと電話を記録します。

## リード詳細
detail-company = 会社
detail-stage = 段階
detail-owner = 担当者
detail-value = 金額
detail-next-action = 次回アクション
detail-source = 流入元
detail-score = スコア
detail-score-rank = { $score }（ランク { $rank }）
detail-tags = タグ
detail-bant = 予算 { $budget } · 決裁 { $authority } · 必要性 { $need } · 時期 { $timing }
detail-created = 作成
detail-changed = 更新
detail-when-by = { $when }（{ $who }）
detail-notes = メモ
detail-contacts = 先方担当者
detail-no-contacts = なし — p でこのリードに先方担当者を付けます
detail-activities = 活動（新しい順）
detail-minutes = { $minutes }分
detail-stage-history = 段階の履歴
detail-undone = （取り消し済み）
detail-changed-fields = 変更された項目
detail-empty-value = （空）
detail-was = { $field }: 以前は { $was }
answer-yes = はい
answer-no = いいえ
score-decay = 、{ $days }日で半減
score-points-of = スコア { $score } = 活動の点数の合計
score-no-activities = 活動はまだありません
score-points = { $points }点
score-of-activities = スコア { $score } = { $count ->
    [0] 活動なし
   *[other] 活動 { $count }件
}

## 統計
period-this-month = 今月
period-last-month = 先月
period-this-quarter = 今四半期
period-90-days = 90日
period-all-time = 全期間
stats-span-between = { $since }〜{ $until }
stats-span-all = 全期間
stats-span-since = { $since }以降
stats-period-named = 期間: { $name } — { $span }
stats-period = 期間: { $span }
stats-open-per-stage = 段階ごとの商談中リード — { $open }件。┊ は健全な割合（10/65/25）
stats-ref = 目安 { $share }%
stats-customers = 顧客 { $count }社、{ $value }
stats-median-to-won = 、作成から受注まで中央値 { $days }日
stats-flow = 段階の移動 { $span } — 受注 { $won }件
stats-no-moves = 期間中の段階の移動はありません
stats-median-of = { $days }（{ $moves }件の中央値）
stats-days-in = { $stage }の日数
stats-by-source = 流入元別 — { $span }に作成したリード、検討段階に進んだ割合、受注
stats-source-line = { $leads }件、検討段階 { $share }%、受注 { $won }件
stats-no-source = （なし）
stats-waterfall = デマンド・ウォーターフォール — { $span }に作成したリード：作成 → 検討段階 → 顧客、各段階の日数の中央値
stats-waterfall-all = すべての流入元
stats-waterfall-line = { $created } → { $considering }（{ $to_considering }%）→ { $customer }（{ $to_customer }%）、{ $days_considering } ／ { $days_customer } 日
stats-by-rep = 担当者別 — 週あたりの活動、期限切れのフォロー
stats-rep-line = 週 { $rate }件、期限切れ { $overdue }件
stats-nobody = （担当者なし）
stats-won-touches = 受注 { $span }: { $won }件 — 最初の接点、最後の接点、流入元
stats-first-touch = 最初の接点
stats-last-touch = 最後の接点
stats-source = 流入元
stats-none = なし

## 端末が小さすぎるとき
too-small = 端末が小さすぎます
too-small-needs = { $size } — leadtrack には { $needs } が必要です
too-small-what-to-do = ウィンドウを広げてください。q で終了します。

## コマンドライン
# 表：列の見出し
cli-header-id = ID
cli-header-stage = 段階
cli-header-rank = ランク
cli-header-due = 期日
cli-header-title = 案件名
cli-header-company = 会社名
cli-header-owner = 担当者
cli-header-value = 金額

# lead show・contact show：項目名と見出し
cli-field-id = ID
cli-field-company = 会社名
cli-field-stage = 段階
cli-field-owner = 担当者
cli-field-value = 金額
cli-field-next-action = 次回アクション
cli-field-source = 流入元
cli-field-score = スコア
cli-field-tags = タグ
cli-field-budget = 予算
cli-field-authority = 決裁権
cli-field-need = 必要性
cli-field-timing = 導入時期
cli-field-notes = メモ
cli-field-created = 作成
cli-field-updated = 更新
cli-none = なし
cli-empty = （空）
cli-score-with-rank = { $score }（ランク { $rank }）
cli-answer-yes = はい
cli-answer-no = いいえ
cli-answer-unknown = 不明
cli-answer-with-note = { $answer }（{ $note }）
cli-when-by = { $when }（{ $who }）
cli-by = （{ $who }）
cli-name-with-role = { $name }（{ $role }）
cli-heading-contacts = 先方担当者
cli-heading-activities = 活動（新しい順）
cli-activities-hidden = … ほかに古い活動が{ $count }件あり、表示していません（`leadtrack lead show { $id } --all` ですべて表示）
cli-score-sum = スコア { $score } = 点数の合計
cli-score-sum-halving = スコア { $score } = 点数の合計（{ $days }日経つごとに ×½）
cli-score-hidden = ＋表示していない古い活動 { $count }件
cli-heading-stage-history = 段階の履歴
cli-undone = （取り消し済み）
cli-history-heading = 変更された項目
cli-history-line = { $when }  { $field }：変更前は{ $was }（変更者 { $who }）

# リード：コマンドの結果
cli-deleted-lead = リード「{ $title }」を削除しました
cli-role-changed = リード { $lead } の先方担当者 { $contact } を{ $role }にしました（前は{ $before }）
cli-linked = 先方担当者 { $contact } をリード { $lead } に{ $role }として付けました
cli-unlinked = 先方担当者 { $contact }（{ $role }）をリード { $lead } から外しました
cli-not-linked = 先方担当者 { $contact } はリード { $lead } に付いていないため、外すものはありません
cli-lead-nothing-to-change = 変更する項目がありません。--title や --due などを指定してください
cli-lead-unchanged = 変更なし：リード { $id } はすでにその値です
cli-lead-changed = リード { $id } の{ $fields }を変更しました
cli-moved = 「{ $title }」を{ $stage }に移しました
cli-already-in = 「{ $title }」はすでに{ $stage }です

# 名刺
cli-header-name = 氏名
cli-header-reading = 読み
cli-header-job-title = 役職
cli-header-email = メール
cli-header-phone = 電話
cli-field-reading = 読み
cli-field-other-emails = 他のメール
cli-field-other-numbers = 他の電話番号
cli-field-other-addresses = 他の住所
cli-field-other-urls = 他のURL
cli-field-other-companies = 他の会社名
cli-heading-leads = リード
cli-lead-of-contact = { $title }（{ $role }・{ $stage }）
cli-contact-nothing-to-change = 変更する項目がありません。--email や --title などを指定してください
cli-contact-unchanged = 変更なし：名刺 { $id } はすでにその値です
cli-contact-changed = 名刺 { $id } の{ $fields }を変更しました
cli-deleted-contact = 名刺 { $id } を削除しました
cli-purged = 名刺 { $id }（{ $name }）を完全に消去しました：名刺、履歴 { $history }件、リードとの紐付け { $links }件を消去し、活動 { $activities }件は相手なしでリードに残しました
cli-purge-checked = 確認済み：{ $path } にこの名刺の情報は残っていません
cli-purge-traces = この名刺の{ $fields }がまだ { $path } に残っています。`leadtrack backup` で新しいコピーを作り、そちらを使ってください
cli-purge-backups = これまでに作ったバックアップには、この名刺がまだ残っています
cli-contact-list-no-csv = 名刺の CSV は `export contacts` で書き出せます。ここでは --format table か json を指定してください

# 活動
cli-header-when = 日時
cli-header-kind = 種類
cli-header-summary = 概要
cli-header-by = 記録者
cli-activity-list-no-csv = activity list の形式は table と json です。CSV は `export activities` で書き出せます
cli-not-minutes = --duration：「{ $typed }」は分数として読めません
cli-activity-nothing-to-change = 変更する項目がありません。--kind、--at、--summary、--body、--contact、--duration、--direction のどれかを指定してください
cli-activity-unchanged = 変更なし：活動 { $id }
cli-activity-changed = 活動 { $id } の{ $fields }を変更しました
cli-deleted-activity = 活動 { $id } を削除しました

# 検索
cli-search-nothing = 「{ $typed }」に一致するものはありません。
cli-header-what = 内容
cli-header-detail = 詳細
cli-record-lead = リード
cli-record-contact = 名刺

# 重複と見本データ
cli-dedupe-none = 重複らしい名刺はありません。
cli-header-keep = 残す名刺
cli-header-merge = 統合する名刺
cli-header-why = 理由
cli-dedupe-found = 重複らしい組が{ $count }件あります。`leadtrack dedupe --apply` で統合します。
cli-dedupe-merged = 名刺を{ $count }件統合しました。置き換えた値はすべて履歴に残っています。
cli-demo-added = { $path } にリード { $leads }件、顧客 { $customers }件、名刺 { $contacts }件（リードとの紐付け { $links }件）、活動 { $activities }件を追加しました

# 統計
cli-until-before-since = --until { $until } が --since { $since } より前です
cli-period-between = { $since }〜{ $until }
cli-period-since = { $since }以降
cli-period-all = 全期間
cli-none-in-brackets = （なし）
cli-stats-stages = 段階ごとの進行中リード（目安 10/65/25）
cli-header-leads = リード数
cli-header-share = 割合
cli-header-reference = 目安
cli-stats-flow = 段階の移動（{ $period }）— 受注 { $won }件、作成から受注まで中央値 { $days }日
cli-header-from = 移動前
cli-header-to = 移動後
cli-header-median-days = 滞在日数の中央値
cli-header-moves-out = 移動件数
cli-stats-by-source = 流入元別（{ $period }に作成したリード）
cli-header-source = 流入元
cli-header-reached-considering = 検討段階に到達
cli-header-won = 受注
cli-stats-waterfall = デマンド・ウォーターフォール（{ $period }に作成したリード）：各段階の前段階からの割合と、かかった日数の中央値
cli-header-created = 作成
cli-header-to-considering = → 検討段階
cli-header-to-customer = → 顧客
cli-header-median-days-steps = 日数の中央値（→ 検討段階 ／ → 顧客）
cli-waterfall-all = すべての流入元
cli-stats-by-rep = 担当者別（週あたりの活動、{ $period }）
cli-header-rep = 担当者
cli-header-per-week = 週あたり
cli-header-overdue = 期限切れ
cli-stats-won = 受注（{ $period }）：{ $count }件
cli-header-touch = 接点
cli-touch-first = 最初
cli-touch-last = 最後

# 取り込み
cli-dry-run = — 試しに実行しただけで、何も書き込んでいません
cli-standard-input = 標準入力
cli-mail-from-nobody = { $source }：メール{ $count }件のうち、登録済みの名刺の人から、または宛てのものがないため、何も記録していません（送信者を名刺に追加するか、--lead でリードの ID を指定してください）
cli-mail-summary = { $source }：メール { $total }件 — 記録 { $logged }件、記録済み { $known }件、知らない相手 { $unknown }件
cli-mail-logged = 記録　　 { $direction } { $subject }（{ $on }）
cli-mail-known = 記録済み { $subject }（{ $source }）：前に記録したため、もう一度は記録しません
cli-mail-skipped = 対象外　 { $subject }（{ $source }）：知っている人から、または宛てのメールではありません
cli-no-cards = { $file } に名刺がありません
cli-no-leads = { $file } にリードがありません
cli-progress-importing-cards = 名刺を取り込み中
cli-progress-importing-leads = リードを取り込み中
cli-import-file-failed = { $file }：{ $error }。このファイルからは何も書き込んでいません（先に取り込んだファイル：{ $before }）
cli-cards-files-summary = { $files }ファイル：追加 { $added }件、統合 { $merged }件、登録済み { $known }件、スキップ { $skipped }件
cli-cards-read = { $file }：名刺 { $count }件（{ $format }）
cli-cards-summary = 追加 { $added }件、統合 { $merged }件、登録済み { $known }件、スキップ { $skipped }件
cli-cards-line-added = { $line }行目 追加　　 { $name }
cli-cards-added-on-line = { $name }（{ $line }行目）
cli-cards-line-merged = { $line }行目 統合　　 { $with } へ：{ $reason }
cli-cards-line-known = { $line }行目 登録済み { $with }：{ $reason }、新しい情報なし
cli-line-skipped = { $line }行目：{ $reason }
note-team-file-read-only = { $path } はチームファイルなので読み取り専用で開きました。中身は変わりません（チームと一緒に使うには同期してください：leadtrack sync --team-file { $path }）
error-team-file-read-only = { $path } はチームファイルなので読み取り専用で開きました。変更はできません（チームと一緒に使うには同期してください：leadtrack sync --team-file { $path }）
status-team-file-read-only = · チームファイル（読み取り専用）
skip-no-title = 案件名がないためスキップ
skip-no-name = 氏名がないためスキップ
skip-no-name-or-email = 氏名もメールアドレスもないためスキップ
cli-columns-in-notes = メモに残した列：{ $columns }
cli-columns-not-read = 読み込まなかった列（leadtrack が自分で求めます）：{ $columns }
cli-map-form = --map「{ $typed }」：「列名=項目」の形で書いてください
cli-leads-summary = { $file }：追加 { $added }件、更新 { $updated }件、変更なし { $unchanged }件、スキップ { $skipped }件
cli-leads-line-added = { $line }行目 追加 { $title }
cli-leads-line-updated = { $line }行目 更新 { $title }

# 書き出し
cli-progress-exporting-contacts = 名刺を書き出し中
cli-progress-exporting-leads = リードを書き出し中
cli-progress-exporting-activities = 活動を書き出し中
cli-wrote-contacts = 名刺 { $count }件を { $path } に書き出しました
cli-wrote-leads = リード { $count }件を { $path } に書き出しました
cli-wrote-activities = 活動 { $count }件を { $path } に書き出しました
cli-wrote-followups = フォロー { $count }件を { $path } に書き出しました
cli-note-undated = 注意：次回アクションのない進行中リードが{ $count }件あり、カレンダーには入れていません
cli-note-lost-characters = 注意：Shift_JIS で表せない文字が{ $count }文字あり、? で書き出しました。そのまま残すには --encoding utf-8-bom を指定してください

# CSV の列名（--headers ja）。取り込みがそのまま読める名前にする（リード・名刺）。
# 段階・流入元・種類などの値も日本語の名前で書き出す。Shift_JIS で書ける文字だけを使う。
csv-lead-id = リードID
csv-lead-title = 案件名
csv-lead-company = 会社名
csv-lead-stage = 段階
csv-lead-source = 流入元
csv-lead-source-detail = 流入元の詳細
csv-lead-owner = 担当者
csv-lead-value = 金額
csv-lead-next-action = 次回アクション
csv-lead-next-action-on = 次回アクション日
csv-lead-rank = ランク
csv-lead-score = スコア
csv-lead-tags = タグ
csv-lead-notes = メモ
csv-lead-campaign = キャンペーン
csv-lead-upsell = アップセル
csv-lead-last-activity-at = 最終活動日時
csv-lead-created-at = 作成日時
csv-lead-updated-at = 更新日時

csv-contact-id = 名刺ID
csv-contact-family-name = 姓
csv-contact-given-name = 名
csv-contact-family-reading = 姓の読み
csv-contact-given-reading = 名の読み
csv-contact-company = 会社名
csv-contact-company-reading = 会社名の読み
csv-contact-department = 部署
csv-contact-title = 役職
csv-contact-email = メール
csv-contact-phone = 電話
csv-contact-mobile = 携帯
csv-contact-fax = FAX
csv-contact-emails = メール一覧
csv-contact-phones = 電話番号一覧
csv-contact-postal-code = 郵便番号
csv-contact-address = 住所
csv-contact-url = URL
csv-contact-other-addresses = 他の住所
csv-contact-other-urls = 他のURL
csv-contact-other-companies = 他の会社
csv-contact-exchanged-on = 名刺交換日
csv-contact-exchanged-at = 名刺交換場所
csv-contact-exchanged-by = 名刺所有者
csv-contact-notes = メモ
csv-contact-tags = タグ

csv-activity-id = 活動ID
csv-activity-kind = 種類
csv-activity-lead-id = リードID
csv-activity-contact-id = 名刺ID
csv-activity-occurred-at = 日時
csv-activity-duration-minutes = 所要時間（分）
csv-activity-direction = 方向
csv-activity-summary = 概要
csv-activity-body = 詳細
csv-activity-by = 記録者
csv-activity-campaign = キャンペーン

csv-followup-due = 次回アクション日
csv-followup-bucket = 区分
csv-followup-lead = 案件名
csv-followup-company = 会社名
csv-followup-rank = ランク
csv-followup-score = スコア
csv-followup-next-action = 次回アクション
csv-followup-contact = 先方担当者
csv-followup-contact-phone = 先方担当者の電話
csv-followup-contact-email = 先方担当者のメール
csv-followup-owner = 担当者
csv-followup-last-activity = 最終活動日時
csv-followup-lead-id = リードID

# チーム：同期と統合
cli-no-team-file = チームファイルがありません。設定ファイルの [team] file を設定するか、--team-file でパスを指定してください
cli-merge-nothing-new = 新しい変更なし
cli-merge-counts = 新しいレコード { $added }件、更新 { $updated }件、履歴に残した以前の値 { $history }件、段階の移動 { $stages }件
cli-team-created = チームファイル { $file } を作りました
cli-merged-from = { $file } から：{ $counts }
cli-merged-from-conflicted = 競合コピー { $file } から：{ $counts }（{ $moved } に移しました）
cli-left-alone = { $file } はそのままにしました：{ $reason }
cli-published = { $file } に反映しました
cli-team-holds-everything = チームファイルはすでにここの内容をすべて含んでいます
sync-clock-far-ahead-of-team = このパソコンの時計は { $now } になっていて、チームのほかのメンバーより大きく進んでいます。システム設定で正しい日付と時刻に直してください
sync-clock-far-ahead-of-rep = { $name }さんのパソコンの時計が大きく進んでいます（変更の日付が { $at }）。変更はいつも通り取り込みました。正しい日付と時刻に直すよう { $name }さんに伝えてください

# 点検とバックアップ
cli-check-database = データベース
cli-check-schema = スキーマ
cli-check-schema-version = バージョン { $found }（この leadtrack：{ $known }）
cli-check-integrity = 整合性
cli-check-ok = 問題なし
cli-check-leads = リード
cli-check-leads-counts = 進行中 { $open }件、顧客 { $customers }件
cli-check-contacts = 名刺
cli-check-contacts-counts = { $contacts }件（リードとの紐付け { $links }件）
cli-check-activities = 活動
cli-check-activities-count = { $count }件
cli-check-history = 履歴
cli-check-history-counts = 段階の移動 { $stages }件、置き換えた値 { $values }件
cli-check-failed = エラー：{ $path } は整合性チェックに通りませんでした。バックアップから戻してください
cli-backed-up = { $db } を { $file } にバックアップしました

# 設定ファイル
cli-no-config-home = 設定ファイルを置くホームディレクトリがありません。--config でパスを指定するか、LEADTRACK_CONFIG を設定してください
cli-note-no-config = 注意：設定ファイルはまだありません。`leadtrack config init` で作れます
cli-note = 注意：{ $message }
cli-config-written = { $path } を書き出しました。すべての設定項目が既定値のままコメントとして入っています。まず [user] name を設定してください
cli-cannot-make-folder = { $path } のフォルダを作れません：{ $reason }
cli-config-exists = { $path } はすでにあるため、何も書き込んでいません（そのファイルを編集するか、別の場所へ移してからやり直してください）

# 絞り込み
cli-not-a-source = --source：「{ $typed }」は流入元ではありません（{ $names }）
cli-not-a-rank = --rank：「{ $typed }」はランクではありません（A、B、C のいずれか）

## エラー
error-line = エラー：{ $message }
kind-lead = リード
kind-contact = 名刺
kind-activity = 活動
kind-campaign = キャンペーン
kind-goal = 目標
kind-segment = セグメント
error-not-leadtrack = { $path } は leadtrack のデータベースではありません
error-foreign-schema = { $path } は leadtrack のデータベースではありません：{ $detail }
error-newer-schema = { $path } は新しい leadtrack で書かれています（スキーマ { $found }、この leadtrack は { $known } まで）。開くには leadtrack を更新してください
error-corrupt = { $path } は壊れています（{ $detail }）。バックアップから戻してください
error-cannot-open = { $path } を開けません：{ $reason }
error-read-only = { $path } は読み取り専用です。何も変更していません
error-disk-full = { $path } のディスクがいっぱいです。何も変更していません
error-not-found = ID が「{ $prefix }」で始まる{ $kind }はありません
error-ambiguous = 「{ $prefix }」に合う{ $kind }が { $count }件あります。ID をもう少し入力してください
error-bad-id = 「{ $prefix }」は ID ではありません（16進数で4文字以上）
error-deleted = { $kind } { $id } は削除されています

## フォーム・ポップアップ・メッセージ
# form-: フォームの見出し・項目名・ヒント・選択肢・項目に付く誤りの説明
# popup-: 確認・検索・重複確認の枠　said-: 操作のあとステータス行に出す文
# データ（案件名・名前・日付）は値として入り、そのまま出す。

# フォームの枠
form-keys = enter 次へ/保存 · { $save } 保存 · { $fields } 項目 · { $editor } $EDITOR · { $cancel } 中止
form-discard = 入力した内容を捨てますか？ { $key } で破棄、ほかのキーで戻る

# フォーム共通のヒントと誤り（例はフォームが読めるものだけ：テストで確かめる）
form-hint-date = +3d、明日、金曜、12/1、3日後
form-hint-moment = 今、昨日 15:00
form-hint-amount = 1200000、120万
form-bad-date = 「{ $text }」は日付として読めません（例: 明日、3日後、来週月曜、月末、12/1、令和8年12月1日）
form-bad-amount = 「{ $text }」は金額として読めません（例: 1200000、1,200,000、¥1,200,000、120万）
form-bad-minutes = 「{ $text }」は数字ではありません（分で入れてください）
form-answer-unknown = 不明
form-answer-yes = あり
form-answer-no = なし
form-next-action-on = 次回アクション日

# リードのフォームと日付の変更
form-lead-new-title = リードの追加
form-lead-edit-title = リードの編集
form-lead-title = 案件名
form-lead-company = 会社名
form-lead-next-action = 次回アクション
form-lead-due = 期日
form-lead-stage = 段階
form-lead-value = 金額
form-lead-owner = 担当者
form-lead-source = 流入元
form-lead-source-detail = 流入元の詳細
form-lead-tags = タグ
form-hint-tags = 読点かカンマで区切る
form-lead-budget = 予算
form-lead-authority = 決裁権
form-lead-need = 必要性
form-lead-timing = 導入時期
form-lead-notes = メモ
form-lead-needs-title = 案件名を入れてください
form-reschedule-title = 日付の変更：{ $what }
form-reschedule-title-bare = 次回アクション日の変更

# 名刺のフォーム
form-contact-new-title = 名刺の追加
form-contact-edit-title = 名刺の編集
form-contact-family-name = 姓
form-contact-given-name = 名
form-contact-family-reading = 姓の読み
form-contact-given-reading = 名の読み
form-contact-company = 会社名
form-contact-company-reading = 会社名の読み
form-contact-department = 部署
form-contact-title = 役職
form-contact-email = メール
form-contact-more-emails = 他のメール
form-contact-phone = 電話
form-contact-mobile = 携帯
form-contact-fax = FAX
form-contact-more-phones = 他の番号
form-contact-postal-code = 郵便番号
form-contact-address = 住所
form-contact-url = URL
form-contact-other-urls = 他のURL
form-contact-other-companies = 他の会社
form-contact-exchanged-at = 交換場所
form-contact-exchanged-by = 交換した人
form-contact-other-addresses = 他の住所
form-contact-exchanged-on = 交換日
form-contact-notes = メモ
form-hint-more-emails = 読点かカンマで区切り、種類は（自宅）のように添える
form-hint-more-phones = 03-1111-2222（自宅）、090-…（携帯）
form-hint-other-addresses = 1行に1件：〒150-0001 東京都…（自宅）
form-hint-met-on = 2026-11-20、昨日
form-contact-needs-a-name = 名前・メール・会社名のどれかを入れてください
form-bad-kind = 「{ $text }」は種類として読めません（会社・自宅・携帯・FAX・その他のどれか）
form-bad-email = 「{ $text }」はメールアドレスとして読めません
form-bad-number = 「{ $text }」は電話番号として読めません

# 活動の記録と編集
form-log-kind = 種類
form-log-summary = 概要
form-log-when = 日時
form-log-minutes = 所要時間（分）
form-log-direction = 方向
form-log-outbound = こちらから
form-log-inbound = 先方から
form-log-with = 相手
form-log-details = 詳細
form-log-person = { $name }（{ $role }）
form-log-title-on-lead = { $kind } — { $lead }
form-log-activity-on-lead = 活動 — { $lead }
form-log-activity = 活動
form-log-edit-title-on-lead = { $kind }の編集 — { $lead }
form-log-edit-title = { $kind }の編集
form-log-needs-summary = 何があったかを1行で書いてください
# 日付だけ入れたときの次回アクション（リードに保存される）
form-log-follow-up = フォロー

# リードに担当者を付ける（名刺をリードに付ける）
form-link-title = 「{ $lead }」に先方担当者を付ける
form-link-to-lead-title = { $name }をリードに付ける
form-link-contact = 先方担当者
form-link-lead = リード
form-link-role = 役割
form-hint-find-contact = 名前・読み・会社名の一部を入力
form-hint-find-lead = 案件名か会社名の一部を入力
form-link-choose-contact = 名前の一部を入力し、↑/↓ で選んでください
form-link-choose-lead = 案件名の一部を入力し、↑/↓ で選んでください
form-link-nobody-matches = 該当する人がいません：読みか会社名で探してください
form-link-no-lead-matches = 該当するリードがありません：案件名か会社名の一部で探してください

# 絞り込みのフォーム
form-filter-board-title = ボードの絞り込み
form-filter-lists-title = 一覧の絞り込み
form-filter-any = すべて
form-filter-me = 自分（{ $name }）
form-filter-words = 語句
form-hint-filter-words = 案件名・会社名・メモから
form-filter-tag = タグ
form-filter-rank = ランク
form-filter-stale = 放置
form-filter-stale-no = 指定なし
form-filter-stale-yes = 放置リードだけ

# 確認
popup-confirm-title = 確認
popup-confirm-yes = はい
popup-confirm-no = いいえ
popup-confirm-unlink = { $name }をこのリードから外しますか？
popup-confirm-delete-activity = { $kind }「{ $summary }」を削除しますか？
popup-confirm-delete-contact = 名刺「{ $name }」を削除しますか？
popup-confirm-delete-lead = リード「{ $title }」を削除しますか？

# 検索
popup-search-hint = 名前・読み・会社名・概要の一部を入力（さとう・ｻﾄｳ・佐藤のどれでも探せます）
popup-search-nothing = 該当なし
popup-search-lead = リード
popup-search-contact = 名刺

# 重複の確認
popup-dedupe-title = 重複の候補 { $at }/{ $of } — { $reason }
popup-dedupe-stays = 残す名刺
popup-dedupe-merged-into-it = 統合される名刺
popup-dedupe-name = 名前
popup-dedupe-reading = 読み
popup-dedupe-numbers = 電話番号
popup-dedupe-rule = 後で交換した名刺の内容が優先されます。メール・電話番号・住所は失われません。
popup-dedupe-merge = 統合
popup-dedupe-skip = スキップ
popup-dedupe-stop = やめる
popup-dedupe-same-id = 同じID
popup-dedupe-same-uid = 名刺のIDが同じ
popup-dedupe-same-card = 同じ名刺をもう一度
popup-dedupe-same-email = メールが同じ
popup-dedupe-same-mobile = 携帯番号が同じ
popup-dedupe-same-name-and-company = 名前と会社名が同じ
popup-dedupe-same-name = 名前が同じで、違う項目なし

# 操作のあとのステータス行
said-cancelled = キャンセルしました（何も保存していません）
said-not-saved = 保存できませんでした：{ $problem }
said-not-deleted = 削除しませんでした
said-last-stage = { $stage }より先の段階はありません
said-already-customer = すでに顧客です
said-no-duplicates = 重複らしい名刺はありません
said-added-lead = 「{ $title }」を追加しました
said-next-action-on = 次回アクション日を { $date } にしました
said-no-next-action-date = 次回アクション日を外しました
said-no-change = 変更はありません
said-saved = { $fields }を保存しました
said-saved-undoable = { $fields }を保存しました — { $key } で取り消す
said-logged = { $kind }を記録しました
said-logged-next = { $kind }を記録しました · 次回: { $next }
said-contact-added = 名刺を追加しました
said-contact-saved = 名刺を保存しました
said-now-role = このリードでの役割を{ $role }にしました
said-linked-as = { $role }としてリードに付けました
said-already-in = 「{ $title }」はすでに{ $stage }です
said-moved = 「{ $title }」を{ $stage }へ移しました — { $key } で取り消す
said-nothing-to-undo = 取り消す変更はありません
said-nothing-to-redo = やり直す変更はありません
said-undone = 取り消し：{ $what } — { $key } でやり直す
said-redone = やり直し：{ $what }
said-unlinked = リードから外しました — { $key } で取り消す
said-deleted = 削除しました — { $key } で取り消す
said-merged-skipped = 統合 { $merged }件・スキップ { $skipped }件
said-duplicates-reviewed = 重複の確認を終えました：統合 { $merged }件・スキップ { $skipped }件
said-no-card-selected = 名刺が選ばれていません：{ $key } で追加するか、名刺を取り込んでください
said-pick-a-contact-first = 先に先方担当者を選んでください：{ $key } でリードの先方担当者を順に選べます
said-contact-on-no-lead = この名刺はまだどのリードにも付いていません
said-sorted-by-rank = ランク順に並べ替えました
said-sorted-by-next-action = 次回アクション日順に並べ替えました
said-sorted-by-value = 金額順に並べ替えました
said-sorted-longest-quiet-first = 放置の長い順に並べ替えました
said-only-stale = 放置リードだけを表示
said-stale-or-not = 放置かどうかを問わず全リードを表示
said-everyones-leads = 全員のリードを表示
said-my-leads = 自分のリードを表示（{ $name }）
said-their-leads = { $name }さんのリードを表示
said-filtered = 絞り込み：{ $filters }（{ $key } で解除）
said-no-filters = 絞り込みなし：すべてのリードを表示
said-no-filters-to-clear = 解除する絞り込みはありません
said-filters-cleared = 絞り込みを解除しました：すべてのリードを表示

# 取り消し・やり直しで何が起きたか（「取り消し：」「やり直し：」のあと）
said-a-deleted-lead = 削除されたリード
said-a-contact = 不明な名刺
said-the-activity = 活動
said-activity-on-lead = 「{ $lead }」の{ $kind }
said-activity-with-contact = { $name }との{ $kind }
said-next-action-back-to = 「{ $title }」の次回アクション日が { $date } に戻りました
said-next-action-back-to-no-date = 「{ $title }」の次回アクション日が未設定に戻りました
said-lead-as-it-was = 「{ $title }」はすでに元のとおりです
said-lead-fields-back = 「{ $title }」の{ $fields }が元に戻りました
said-lead-back-to = 「{ $title }」が{ $stage }に戻りました
said-lead-moved-to = 「{ $title }」が{ $stage }へ移りました
said-lead-back = リード「{ $title }」が戻りました
said-lead-removed = リード「{ $title }」を消しました
said-activity-removed = { $activity }を消しました
said-activity-logged-again = { $activity }をもう一度記録しました
said-contact-removed = 名刺「{ $name }」を消しました
said-contact-fields-back = 名刺「{ $name }」の{ $fields }が元に戻りました
said-contact-back = 名刺「{ $name }」が戻りました
said-link-as-before = { $name }が「{ $title }」で元の役割に戻りました
said-link-taken-off = { $name }を「{ $title }」から外しました
said-activity-fields-back = 活動の{ $fields }が元に戻りました
said-activity-back = { $activity }が戻りました

# メッセージでの項目名
said-field-other = 項目
said-lead-field-title = 案件名
said-lead-field-company = 会社名
said-lead-field-source = 流入元
said-lead-field-source-detail = 流入元の詳細
said-lead-field-owner = 担当者
said-lead-field-value = 金額
said-lead-field-next-action = 次回アクション
said-lead-field-next-action-on = 次回アクション日
said-lead-field-qualification = 予算・決裁権・必要性・導入時期
said-lead-field-tags = タグ
said-lead-field-notes = メモ
said-lead-field-stage = 段階
said-contact-field-family-name = 姓
said-contact-field-given-name = 名
said-contact-field-family-reading = 姓の読み
said-contact-field-given-reading = 名の読み
said-contact-field-company = 会社名
said-contact-field-company-reading = 会社名の読み
said-contact-field-department = 部署
said-contact-field-title = 役職
said-contact-field-email = メール
said-contact-field-phone = 電話
said-contact-field-mobile = 携帯
said-contact-field-fax = FAX
said-contact-field-number = 電話番号
said-contact-field-postal-code = 郵便番号
said-contact-field-address = 住所
said-contact-field-url = URL
said-contact-field-other-address = 他の住所
said-contact-field-other-url = 他のURL
said-contact-field-other-company = 他の会社
said-contact-field-exchanged-on = 交換日
said-contact-field-exchanged-at = 交換場所
said-contact-field-exchanged-by = 交換した人
said-contact-field-notes = メモ
said-contact-field-tags = タグ
said-activity-field-kind = 種類
said-activity-field-when = 日時
said-activity-field-duration = 所要時間
said-activity-field-direction = 方向
said-activity-field-summary = 概要
said-activity-field-details = 詳細
said-activity-field-contact = 相手
said-activity-field-lead = リード

## 値と設定のエラー
error-config-missing = 設定ファイル { $path } がありません
error-config-unreadable = 設定ファイル { $path } を読めません：{ $reason }
error-config-invalid = 設定ファイル { $path } の { $line } 行目：{ $message }
error-config-not-utf8 = ファイルが UTF-8 のテキストではありません
error-config-quoted = { $text }
error-config-key-quoted = `{ $key }`：{ $text }
error-config-unknown-key = 不明なキー `{ $key }`
error-config-unknown-key-one-of = 不明なキー `{ $key }`（使えるキー：{ $keys }）
error-config-unknown-key-expected = 不明なキー `{ $key }`（期待される値：{ $expected }）
error-config-ranks-order = `{ $key }` は scoring.ranks.b（{ $b }）より大きい数にしてください
error-config-half-life = `{ $key }` は 0（減衰なし）か正の日数にしてください
error-config-not-a-number = `{ $key }` は数にしてください
error-config-at-least = `{ $key }` は { $min } 以上にしてください
error-config-date-format = `{ $key }`：「{ $format }」は日付の書式ではありません（例：%Y-%m-%d）
error-config-empty-name = `{ $key }` に空の名前は入れられません
error-config-control-characters = `{ $key }` に制御文字は入れられません
error-config-syntax = TOML の書き方が正しくありません〔{ $text }〕
config-expected-keys = キー（"ctrl-s" など）かキーの配列（["j", "down"] など）
error-config-wrong-type = 値の型が違います：{ $found } ではなく{ $expected }を書いてください
error-config-unknown-value = { $typed } は使えません。使えるのは { $expected } です
config-value-string = 文字列
config-value-integer = 整数
config-value-number = 小数
config-value-boolean = 真偽値
config-value-list = 配列
config-value-table = 表
config-expected-whole-number = 整数
config-expected-number = 数
config-expected-boolean = true か false
config-expected-string = 文字列
config-expected-list = 配列
error-flag-value = { $flag }：{ $problem }
arg-stage = 段階
arg-kind = 種類
error-not-a-stage = { $flag }：「{ $typed }」は段階ではありません。使えるのは { $names } です
error-not-a-kind = { $flag }：「{ $typed }」は活動の種類ではありません。使えるのは { $names } です
error-not-a-role = { $flag }：「{ $typed }」は役割ではありません。使えるのは { $names } です
error-not-a-source = 「{ $typed }」は流入元ではありません。使えるのは { $names } です（ほかの流入元は設定の [sources] names に加えてください）
error-not-a-language = 「{ $typed }」は言語ではありません。en か ja を指定してください
error-next-action-needs-lead = 次回アクションはリードに付けるものです。--lead を指定してください
error-duration-minutes = --duration は 0 以上の分数にしてください
error-not-an-amount = { $flag }：「{ $typed }」は金額として読めません（例：1200000、1,200,000、¥1,200,000、120万）
error-not-a-direction = { $flag }：「{ $typed }」は向きではありません。inbound（先方から）か outbound（こちらから）を使ってください
error-not-a-criterion = { $flag }：「{ $typed }」は yes（はい）、no（いいえ）、unknown（不明）のどれでもありません（「:メモ」を続けて書けます）
error-too-many-days = --within { $days }：日数が多すぎます
error-lead-needs-title = リードには案件名が要ります
error-activity-needs-summary = 活動には内容が要ります
error-moved-on-since = リードはその後「{ $current }」に移っています。「{ $to }」への移動は取り消していません
error-contact-not-on-lead = 先方担当者 { $contact } はリード { $lead } に付いていません
error-flag-text-value = { $flag }「{ $text }」：{ $problem }
error-csv-line-too-long = { $file } の { $line } 行目：1行が { $mb } MB あります。名刺やリードの CSV ファイルではありません
error-csv-unclosed-quote = { $file } の { $line } 行目：ここで始まる引用符付きの項目が閉じていません（" が足りません）
error-csv-empty-header = { $file } の { $line } 行目：見出しの行が空です
error-csv-field-count = { $file } の { $line } 行目：見出しは { $expected } 項目ですが、この行は { $len } 項目です
error-csv-not-utf8 = { $file } の { $line } 行目：テキストが UTF-8 ではありません
error-csv-other = { $file } の { $line } 行目：{ $detail }
error-not-utf16 = { $file } の { $line } 行目：UTF-16 で始まるのに、途中から UTF-16 ではありません
error-not-text = { $file } の { $line } 行目：テキストファイルではありません（NUL バイトがあります）
error-not-utf8-try-sjis = { $file } の { $line } 行目：テキストが UTF-8 ではありません（--encoding shift_jis を試してください）
error-not-sjis = { $file } の { $line } 行目：テキストが Shift_JIS ではありません（--encoding utf-8 を試してください）
error-title-not-empty = リードには案件名が要ります。--title は空にできません
error-map-not-a-lead-field = --map '{ $header }={ $field }'：「{ $field }」はリードの項目ではありません（使えるのは { $fields }）
error-map-no-column = --map：{ $file } に「{ $header }」の列はありません
error-no-title-column = { $file } の 1 行目：案件名の列がありません（--map '見出し=title' で指定してください）

## ファイル・記録・キーのエラー
error-cannot-read = { $path } を読み込めません：{ $reason }
error-cannot-write = { $path } に書き込めません：{ $reason }
error-cannot-copy = { $path } をコピーできません：{ $reason }
error-cannot-read-folder = フォルダ { $path } を読めません：{ $reason }
error-cannot-make-archive = 保管用フォルダ { $path } を作れません：{ $reason }
error-cannot-archive = { $path } を保管用フォルダに移せません：{ $reason }
error-cannot-replace-team-file = チームファイル { $path } を置き換えられません：{ $reason }
error-cannot-make-copy = 作業用のコピーを作れません：{ $reason }
io-not-found = ファイルかフォルダがありません
io-permission-denied = アクセスが許可されていません
io-already-exists = すでにあります
io-is-a-folder = フォルダです
io-not-a-folder = フォルダではありません
io-disk-full = ディスクがいっぱいです
io-read-only = 読み取り専用のファイルシステムです
io-invalid-data = データが正しくありません
io-closed = 出力先が閉じられました
error-cannot-write-csv = CSV を書き出せません：{ $reason }
error-cannot-write-json = JSON を書き出せません：{ $reason }
error-cannot-write-output = 出力を書き出せません：{ $reason }
error-cannot-write-man-page = マニュアルページを書き出せません：{ $reason }
error-csv-cell-split = CSV を書き出せません：項目が文字の途中で切れています
error-at-path = { $path }：{ $problem }
error-disk-read = { $path } を読めませんでした（ディスクの入出力エラー）。何も変更していません
error-disk-write = { $path } に書き込めませんでした（ディスクの入出力エラー）。何も変更していません
error-terminal = 端末が応答しなくなりました：{ $reason }
error-file-exists = { $path } はすでにあります。新しいファイル名を指定してください
error-file-not-read = { $file } を読み込めませんでした
error-path-not-utf8 = { $path }：パスが UTF-8 ではありません
error-no-home-for-database = データベースを置くホームディレクトリがありません。--db でパスを指定するか、LEADTRACK_DB を設定してください
detail-value-unreadable = 書き込んだとおりに読み戻せない値があります
detail-malformed = データベースのファイルが壊れています
detail-unreadable = 読めません
detail-cut-short = ヘッダーに書かれた長さより短いファイルです（コピーの途中で切れています）
detail-unable-to-open = データベースファイルを開けません
detail-no-wal = このファイルシステムでは先行書き込みログが使えません（{ $mode }）
detail-format-not-writable = ヘッダーが、この leadtrack では書き込めない形式を示しています
detail-foreign-object = leadtrack が作らない{ $kind }「{ $name }」があります
detail-missing-object = { $kind }「{ $name }」がありません
schema-table = テーブル
schema-virtual-table = 仮想テーブル
schema-index = 索引
schema-view = ビュー
schema-trigger = トリガー
error-damaged-stamp = { $kind } { $id } の時刻印が壊れています
error-move-not-undoable = リード { $lead } の段階移動 { $change } は取り消せる移動ではありません
error-activity-needs-lead-or-contact = 活動はリードか名刺に付けます。--lead か --contact を指定してください
error-activity-keeps-contact = 活動はリードか名刺に付けます。この活動にはリードがないので、名刺は外せません
error-contact-needs-name = 名刺には氏名、メールアドレス、会社名のどれかが必要です
error-contact-keeps-name = 名刺には氏名、メールアドレス、会社名のどれかが必要です。この変更ではどれも残りません
error-team-folder-unreachable = チームのフォルダに届きません。このパソコンのデータで作業を続けます（{ $folder }）
error-team-folder-read-only = チームのフォルダ { $folder } に書き込む権限がないため、何も反映していません（取り込んでこのパソコンに残したレコード：{ $pulled }件）。フォルダの管理者に書き込み権限を依頼してください
error-another-teams-file = { $path } は、このデータベースが同期しているのとは別のチームのファイルです。そのチームには新しいローカルのデータベースを使ってください
error-not-this-teams-copy = このチームのファイルのコピーではありません
error-team-file-changed-while-read = { $path } は読んでいる間に書き換えられました（同期ツールが書き込み中でした）。何も取り込んでいません。次の同期でもう一度読みます
error-demo-beside-records = { $path } にはすでにリード { $leads } 件、名刺 { $contacts } 件、活動 { $activities } 件があります。デモデータは実際の記録とは混ぜません。別のデータベースで試すか（leadtrack demo --db demo.db）、--force を付けて 2 組目のデモデータを加えてください
error-demo-not-made = デモデータを作れませんでした：{ $reason }
records-leads = リード
records-contacts = 名刺
records-activities = 活動
error-vcard-is-for-contacts = --format vcard は名刺用です。{ $records }には csv か json を使ってください
error-not-a-key = 「{ $text }」はキーではありません（例："q"、"ctrl-s"、"enter"、"pagedown"）
error-keymap-damaged = 組み込みのキー割り当てが壊れています：{ $detail }
error-key-not-an-action = 「{ $id }」はアプリの操作ではありません（使えるのは { $ids }。各操作のキーはアプリのヘルプ ? で確認できます）
error-key-needs-a-key = キーを 1 つ以上指定してください
error-key-taken = 「{ $chord }」は{ $view }画面ですでに `{ $action }` のキーです

## 名刺・リード・メールのファイルのエラー
cell-at = { $file } の { $line } 行目「{ $header }」列
problem-not-a-date = 「{ $typed }」は日付として読めません
error-map-is-for-csv = --map は CSV ファイル用です。vCard は項目名を自分で持っています
error-map-not-a-card-field = --map '{ $typed }'：「{ $field }」は名刺の項目ではありません（使えるのは { $fields }）
error-map-no-card-column = --map：{ $file } に「{ $header }」の列はありません（列：{ $headers }）
error-no-card-columns = { $file } の { $line } 行目：名刺の氏名、メールアドレス、会社名にあたる列がありません。--map '見出し=項目' で列を指定してください
error-no-card-columns-leads = { $file } の { $line } 行目：名刺の氏名、メールアドレス、会社名にあたる列がありません。リードのファイルのようです：`leadtrack import leads` を使ってください
error-vcard = { $file } の { $line } 行目：{ $problem }
error-vcard-binary = バイナリデータのファイルで、vCard のテキストではありません
error-vcard-end-without-begin = BEGIN:VCARD のない END:VCARD があります
error-vcard-none = ファイルに vCard がありません
error-vcard-no-end = ここで始まる名刺に END:VCARD がありません
error-vcard-line-too-long = 1 行が 1 MiB を超えています。vCard ファイルではありません
mail-from-stdin = 標準入力
mail-message-in-mbox = { $file } の { $number } 通目（{ $line } 行目）
error-mail-cannot-read = { $origin } を読み込めません：{ $reason }
error-mail-empty = { $origin } は空です。メールがありません
error-mbox-message-empty = { $origin } は空です。From 行のあとに何もありません
error-mbox-empty = { $origin } は空の mbox です。メールがありません
error-not-a-maildir = { $path } は Maildir ではありません。cur フォルダも new フォルダもありません
error-maildir-empty = { $path } は空の Maildir です。メールがありません
error-not-mail = { $origin } はメールではありません：{ $why }
mail-problem-binary = バイナリデータが入っています
mail-problem-not-headers = メールのヘッダー（From:、To:、Subject:、Date:）で始まっていません
mail-problem-no-headers = ヘッダーがありません
mail-no-subject = （件名なし）

## 一覧の見出しの絞り込み
filter-word-tag = タグ { $tag }
filter-word-rank = ランク{ $rank }
filter-word-stale = 放置

error-team-server-address = チームサーバーのアドレス { $address } を読めません：{ $reason }
error-team-server-unreachable = チームサーバーに接続できません（{ $reason }）：{ $server }
error-team-server-offline = チームサーバーに接続できません（{ $reason }）。未送信の変更 { $waiting } 件。このパソコンのデータで作業を続けます（{ $server }）
error-team-server-login = チームサーバー { $server } にログインできませんでした：{ $reason }。何も変更していません
error-team-server-no-grant = { $server } のチームのテーブルを使う権限がありません（{ $reason }）。サーバーの管理者にこのロールをチームのグループへ追加するよう依頼してください。何も変更していません
error-team-server-failed = チームサーバー { $server } で同期を終えられませんでした（{ $reason }）。何も変更していません
error-team-node-bound = このデータベースは { $server } に { $bound } として送っています。{ $role } ではありません（各担当者のデータベースは参加したときのロールのままです）
error-team-group-missing = グループロール { $group } が { $server } にありません。先に作成するか（CREATE ROLE { $group } NOLOGIN）、--group で別のグループを指定してください
error-team-snapshot-owner-only = スナップショットを公開できるのはチームのデータベースの所有者だけです。{ $server } で { $role } は所有者ではありません。データベースの所有者として `leadtrack team snapshot` を実行してください
error-team-snapshot-waiting = ここでの変更 { $waiting } 件がまだ { $server } に届いていないため、スナップショットを公開しませんでした。もう一度 `leadtrack team snapshot` を実行してください
error-team-snapshot-damaged = { $server } にあるチームのスナップショット（{ $made }）は使えません（{ $reason }）
error-team-server-empty = { $server } にはまだ leadtrack のチームがありません。データベースの所有者として leadtrack team init を実行してください
error-another-teams-server = { $server } には、このデータベースが同期しているのとは別のチームがあります。そのチームには新しいローカルのデータベースを使ってください
error-team-server-other-team = { $server } には別のチームの変更がすでにあります。チームファイルの移行は新しいチーム用データベースにだけ行えます
error-config-team-file-and-server = team.file と team.server はどちらか一方だけを設定してください（チームはどちらか一つで共有します）
error-team-file-and-server = チームファイル（{ $file }）とチームサーバー（{ $server }）の両方が指定されました。チームはどちらか一つで共有します
error-no-team-server = チームサーバーが設定されていません。--team-server postgresql://… を指定するか、設定ファイルの [team] server を設定してください
error-no-such-file = { $path } がありません
error-not-a-team-file = { $path } はチームファイルではありません（同期で公開されたことがありません）
cli-server-round = { $server }（{ $role }）：送信 { $pushed } 件、取り込み：{ $counts }
cli-team-server-ready = { $server } でチームを使う準備ができました（スキーマ { $version }、テーブルを { $group } に許可）
cli-team-migrated = { $file } → { $server }：{ $held } 行のうち { $pushed } 行をサーバーに追加しました
cli-team-snapshot-published = { $server }：変更 { $upto } までをすべて含むスナップショットを公開しました（{ $size } MB、保存 { $stored } MB）。新しい担当者はここから始めます
cli-snapshot-taken = チームのスナップショット（{ $made }、{ $size } MB）から始めました
cli-snapshot-unusable = { $reason }。代わりにすべての変更を取り込みました
status-team-server-offline = サーバー未接続・未送信 { $waiting } 件

## キャンペーン・目標・セグメント
error-campaign-needs-name = キャンペーンには名前が要ります
error-campaign-cost = キャンペーンの費用は 0 以上にしてください
error-not-a-campaign-kind = { $flag }：「{ $typed }」はキャンペーンの種類ではありません。使えるのは { $names } です
error-not-a-metric = { $flag }：「{ $typed }」は目標の項目ではありません。使えるのは { $names } です
error-not-a-period = { $flag }：「{ $typed }」は期間ではありません。2026-12 のような月か 2026-Q4 のような四半期で指定してください
error-goal-target = 目標値は 0 以上にしてください
error-segment-needs-name = セグメントには名前が要ります
cli-campaign-nothing-to-change = 変更する項目がありません。--name、--kind、--start、--end、--cost、--owner、--notes のいずれかを指定してください
cli-campaign-unchanged = 変更なし：キャンペーン「{ $name }」はすでにその値です
cli-campaign-changed = キャンペーン「{ $name }」の{ $fields }を変更しました
cli-campaign-deleted = キャンペーン「{ $name }」を削除しました
cli-header-campaign = キャンペーン
cli-header-start = 開始日
cli-header-cost = 費用
cli-header-considering = 検討段階
cli-header-cost-per-lead = リード単価
cli-header-cost-per-won = 受注単価
cli-header-return = 投資対効果
cli-campaign-days = 期間
cli-campaign-notes = メモ
cli-campaign-touched = 接触
cli-campaign-touched-counts = リード { $leads } 件、{ $contacts } 人
cli-campaign-responses = 反応
cli-campaign-considering = 検討段階へ
cli-campaign-won = 受注
cli-campaign-name = キャンペーン
cli-campaign-kind = 種類
cli-campaign-cost = 費用
cli-campaign-owner = 担当者
cli-campaign-leads = 獲得リード
cli-campaign-cost-per-lead = リード単価
cli-campaign-cost-per-won = 受注単価
cli-campaign-return = 投資対効果
cli-campaign-window = 集計期間
cli-campaign-window-days = リードに最初に届いてから { $days } 日
error-no-such-campaign = 「{ $typed }」という名前のキャンペーンはありません。先に `leadtrack campaign add --name …` で追加してください
pace-reached = 達成
pace-on-track = 順調
pace-behind = { $by } 遅れ（1 日 { $per_day } 必要）
pace-missed = { $short } 未達
goal-team = チーム
cli-goal-added = { $period } の目標：{ $metric } { $target }（{ $owner }）
cli-goal-changed = { $period } の目標：{ $metric } { $before } → { $target }（{ $owner }）
cli-goal-same = 変更なし：{ $period } の目標はすでに { $metric } { $target }（{ $owner }）です
cli-goal-deleted = 目標 { $id } を削除しました
cli-header-period = 期間
cli-header-metric = 項目
cli-header-target = 目標
cli-header-actual = 実績
cli-header-pace = ペース
stats-goals = 目標
cli-stats-goals = 目標（今月と今四半期）
waterfall-campaign = キャンペーン：{ $name }

## セグメントと配信停止
error-segment-needs-filter = セグメントには条件が1つ以上必要です。--owner、--tag、--source、--rank、--stage、--campaign、--quiet-days のどれかを指定してください
error-no-such-segment = 「{ $name }」という名前のセグメントはありません。`leadtrack segment list` で確かめてください
segment-word-owner = 担当 { $owner }
segment-word-campaign = キャンペーン { $campaign }
segment-word-quiet = { $days }日を超えて動きなし
cli-segment-added = セグメント「{ $name }」を追加しました：{ $filters }
cli-segment-changed = セグメント「{ $name }」の条件を変更しました：{ $filters }
cli-segment-deleted = セグメント「{ $name }」を削除しました
cli-segment-none = セグメントはまだありません。`leadtrack segment add 名前 --tag …` で追加できます
cli-header-segment = セグメント
cli-header-filters = 条件
cli-segment-csv-only = セグメントはメール配信ツール向けの CSV で書き出します。--format を外すか --format csv を指定してください
cli-segment-wrote = セグメント「{ $name }」の { $count }人を { $path } に書き出しました（配信停止のため除外 { $no_mail }人、メールアドレスなし { $no_email }人）
cli-segment-written = セグメント「{ $name }」の { $count }人を書き出しました（配信停止のため除外 { $no_mail }人、メールアドレスなし { $no_email }人）
cli-no-mail-since = { $date }から
csv-segment-email = メールアドレス
csv-segment-name = 氏名
csv-segment-reading = ふりがな
csv-segment-company = 会社名
csv-segment-lead = リード
csv-segment-rank = ランク
form-contact-no-mail = 配信停止日
form-hint-no-mail = 2026-11-20、今日。空欄で配信再開

## アプリのキャンペーン画面と、フォームのキャンペーン
view-campaigns = キャンペーン
key-view-campaigns = キャンペーン
context-campaigns = キャンペーン
col-campaign = キャンペーン
col-start = 開始日
col-cost = 費用
col-leads = リード
col-considering = 検討
col-won = 受注
col-cost-per-lead = リード単価
col-cost-per-won = 受注単価
col-return = 投資対効果
campaigns-empty = 未登録です。追加: { $command }
campaign-kind = 種類
campaign-days = 期間
campaign-cost = 費用
campaign-owner = 担当者
campaign-notes = メモ
campaign-leads = 獲得リード
campaign-touched = 接触
campaign-touched-counts = リード { $leads } 件、{ $contacts } 人
campaign-responses = 反応
campaign-window = 集計期間
campaign-window-days = リードに最初に届いてから { $days } 日
campaign-considering = 検討段階へ
campaign-won = 受注
campaign-cost-per-lead = リード単価
campaign-cost-per-won = 受注単価
campaign-return = 投資対効果
form-campaign = キャンペーン
said-lead-field-campaign = キャンペーン
said-activity-field-campaign = キャンペーン
cli-header-lifetime-value = 累計受注額
cli-header-last-won = 最終受注日
cli-header-open-upsell = 進行中のアップセル
card-no-mail = 配信停止
card-no-mail-since = { $date }から
col-lifetime-value = 累計受注額
col-last-won = 最終受注
col-open-upsell = 追加
detail-campaign = キャンペーン
detail-upsell = アップセル
