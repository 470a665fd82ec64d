## Mail to applicants
mail-greeting = Вітаємо, { $name }!
mail-received-subject = Ваша заявка: { $job }
mail-received-body = Дякуємо за заявку на вакансію «{ $job }» у компанії { $company }. Вашу заявку отримано, її вже бачить команда з найму.
mail-received-next = Вам відповідять електронною поштою. Зараз нічого робити не потрібно.
mail-received-change = Передумали? Ці посилання працюють без облікового запису:
mail-received-withdraw = Відкликати заявку
mail-received-forget = Видалити заявку та мої дані

## The links in the receipt
applicant-withdraw-title = Відкликати заявку
applicant-withdraw-question = Відкликати вашу заявку на «{ $job }»? Команда з найму побачить, що ви її відкликали.
applicant-withdraw-button = Відкликати заявку
applicant-withdraw-done = Вашу заявку відкликано. Дякуємо, що повідомили.
applicant-withdraw-closed = Цю заявку вже не можна відкликати: рішення за нею ухвалено.
applicant-forget-title = Видалити заявку
applicant-forget-question = Видалити вашу заявку на «{ $job }» і все, що ви надіслали разом із нею? Цю дію не можна скасувати.
applicant-forget-button = Видалити заявку та дані
applicant-forget-done = Вашу заявку та ваші дані видалено.
applicant-gone = Цієї заявки більше не існує.

## Mail to the hiring team
mail-new-subject = Нова заявка від { $name }: { $job }
mail-new-body = { $name } подає заявку на вакансію «{ $job }».
mail-new-open = Відкрити заявку в адмінпанелі

## Сповіщення про вакансії
mail-alert-confirm-subject = Підтвердьте сповіщення: { $search }
mail-alert-confirm-body = Підтвердьте, що хочете отримувати нові вакансії за пошуком «{ $search }» на пошту ({ $frequency }).
mail-alert-confirm-button = Підтвердити сповіщення
mail-alert-confirm-ignore = Ви цього не запитували? Просто проігноруйте цей лист: без підтвердження ми нічого більше не надішлемо.
mail-alert-digest-subject = { $count ->
    [one] { $count } нова вакансія: { $search }
    [few] { $count } нові вакансії: { $search }
    [many] { $count } нових вакансій: { $search }
   *[other] { $count } нових вакансій: { $search }
}
mail-alert-digest-intro = { $count ->
    [one] { $count } нова вакансія відповідає вашому пошуку «{ $search }»:
    [few] { $count } нові вакансії відповідають вашому пошуку «{ $search }»:
    [many] { $count } нових вакансій відповідають вашому пошуку «{ $search }»:
   *[other] { $count } нових вакансій відповідають вашому пошуку «{ $search }»:
}
mail-alert-digest-more = { $count ->
    [one] Переглянути ще { $count }
    [few] Переглянути ще { $count }
    [many] Переглянути ще { $count }
   *[other] Переглянути ще { $count }
}
mail-alert-digest-why = Ви отримали цей лист, бо підписалися на сповіщення за цим пошуком.
mail-alert-unsubscribe = Відписатися

mail-job-approved-subject = Ваша вакансія опублікована: { $job }
mail-job-approved-body = команда дошки схвалила «{ $job }»: вакансія вже на сайті.
mail-job-rejected-subject = Вашу вакансію треба змінити: { $job }
mail-job-rejected-body = команда дошки повернула вам «{ $job }». Причина:
mail-job-rejected-next = Змініть вакансію й надішліть її на перевірку ще раз.
mail-job-open = Відкрити вакансію

mail-employer-subject = Підтвердьте адресу для { $company }
mail-employer-body = дякуємо за реєстрацію { $company }. Підтвердьте адресу, щоб завершити:
mail-employer-button = Підтвердити мою адресу
mail-employer-valid = Посилання діє { $days } дн.
mail-employer-next = Після цього увійдіть і напишіть вакансії; команда дошки схвалює вашу компанію, перш ніж вони вийдуть на сайт.
mail-employer-ignore = Ви не реєструвалися? Проігноруйте цей лист: без підтвердження обліковим записом не можна користуватися.

mail-posting-expiring-subject = { $count ->
    [1] «{ $job }» закривається завтра
    [one] «{ $job }» закривається через { $count } день
    [few] «{ $job }» закривається через { $count } дні
    [many] «{ $job }» закривається через { $count } днів
   *[other] «{ $job }» закривається через { $count } днів
}
mail-posting-expiring-body = { $count ->
    [1] ваша вакансія «{ $job }» закривається завтра.
    [one] ваша вакансія «{ $job }» закривається через { $count } день.
    [few] ваша вакансія «{ $job }» закривається через { $count } дні.
    [many] ваша вакансія «{ $job }» закривається через { $count } днів.
   *[other] ваша вакансія «{ $job }» закривається через { $count } днів.
}
mail-posting-expiring-date = Заявки приймаються до { $date }.
mail-posting-expiring-extend = Подовжити публікацію
mail-posting-expiring-nothing = Якщо посаду вже заповнено, нічого робити не треба: вакансія закриється сама.

mail-team-subject = Приєднуйтеся до { $company } на дошці вакансій
mail-team-body = { $inviter } запрошує вас писати вакансії { $company } і відповідати кандидатам в адмінпанелі дошки вакансій.
mail-team-button = Встановити пароль
mail-team-valid = { $count ->
    [one] Посилання дійсне { $count } годину.
    [few] Посилання дійсне { $count } години.
    [many] Посилання дійсне { $count } годин.
   *[other] Посилання дійсне { $count } години.
}
mail-team-ignore = Не чекали цього листа? Просто проігноруйте його: без пароля обліковим записом не можна користуватися.
